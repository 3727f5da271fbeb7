import { useEffect, useState } from 'react';
import { api } from '../shared/api';
import type { Region } from '../shared/contracts';

let cache: Promise<Map<string, string>> | null = null;

/** Names of the city's counties by code (for tables that show region codes); loaded once. */
export function useCountyNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    // The default list is the city (or cities) in scope; the counties are their children.
    cache ??= api<{ items: Region[] }>('/api/v1/regions')
      .then((top) => Promise.all(top.items.map((city) => api<{ items: Region[] }>(`/api/v1/regions?parent=${city.code}`))))
      .then(
      (lists) => new Map(lists.flatMap((r) => r.items).map((x) => [x.code, x.name])),
      () => {
        cache = null;
        return new Map<string, string>();
      },
    );
    let live = true;
    void cache.then((m) => live && setNames(m));
    return () => {
      live = false;
    };
  }, []);
  return names;
}

/** `赫山区 430903001000` for a code whose county is known, else the code. */
export function regionLabel(code: string, counties: Map<string, string>): string {
  const county = counties.get(`${code.slice(0, 6)}000000`);
  return county ? `${county} ${code}` : code;
}
