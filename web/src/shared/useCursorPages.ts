import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from './contracts';

/** A server-paged list: the current page, a stack of the cursors that led to it, and prev/next. */
export interface CursorPages<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  /** 1-based number of the page shown. */
  pageNumber: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previous(): void;
  next(): void;
  reload(): void;
}

/**
 * Pages through a cursor-paged endpoint. The API only gives the next cursor, so the cursors of the
 * pages before are kept on a stack; changing `filterKey` starts again from the first page.
 */
export function useCursorPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, filterKey: string): CursorPages<T> {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page<T>>({ items: [], nextCursor: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => setStack([undefined]), [filterKey]);

  const cursor = stack[stack.length - 1];
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    fetchRef.current(cursor).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(err);
        setPage({ items: [], nextCursor: null });
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [cursor, stack.length, filterKey, tick]);

  const next = useCallback(() => {
    if (page.nextCursor) setStack((s) => [...s, page.nextCursor ?? undefined]);
  }, [page.nextCursor]);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items: page.items, loading, error, pageNumber: stack.length, hasPrevious: stack.length > 1, hasNext: page.nextCursor !== null, previous, next, reload };
}
