import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './api';
import type { Page } from './contracts';

/** A list shown a page at a time, each next page appended ("load more"), as the portal's phone screens show lists. */
export interface LoadMore<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  more(): void;
}

/** Loads the first page, and the next on `more()`; changing `key` starts again. Only the latest request may change the list. */
export function useLoadMore<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, key: string): LoadMore<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const latest = useRef(0);
  const load = useCallback((after: string | null) => {
    const mine = ++latest.current;
    setLoading(true);
    setError(null);
    fetchRef.current(after).then(
      (page) => {
        if (mine !== latest.current) return;
        setItems((current) => (after === null ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== latest.current) return;
        setError(errorText(err));
        setLoading(false);
      },
    );
  }, []);
  useEffect(() => load(null), [key, load]);
  return { items, loading, error, hasMore: cursor !== null, more: () => cursor !== null && load(cursor) };
}
