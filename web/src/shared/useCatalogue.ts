import { useEffect, useState } from 'react';
import { api } from './api';

const loads = new Map<string, Promise<unknown[]>>();

/**
 * A catalogue (an endpoint answering `{ items }` that changes only with a release: licence types,
 * proof types) loaded once per page load and shared by every page that asks; `items` is null until
 * it arrives. A failed load is forgotten, so the next page to ask tries again.
 */
export function useCatalogue<T>(path: string): { items: T[] | null; error: unknown } {
  const [state, setState] = useState<{ items: T[] | null; error: unknown }>({ items: null, error: null });
  useEffect(() => {
    let load = loads.get(path);
    if (!load) {
      load = api<{ items: unknown[] }>(path).then(
        (r) => r.items,
        (err: unknown) => {
          loads.delete(path);
          throw err;
        },
      );
      loads.set(path, load);
    }
    let live = true;
    load.then(
      (items) => live && setState({ items: items as T[], error: null }),
      (error: unknown) => live && setState({ items: [], error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}
