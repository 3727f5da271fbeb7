import type { ProblemBody } from './contracts';

/** An API failure, carrying the RFC 9457 problem the server sent. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let language = 'zh-CN';

/** The CSRF token of the current session, echoed on state-changing requests. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The language problem titles should come in. */
export function setApiLanguage(locale: string): void {
  language = locale;
}

/** Query string from a filter object, leaving out empty values. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Calls the API with JSON in and out; throws ApiError with the problem details on failure. */
export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data && typeof data === 'object' && 'status' in data ? (data as ProblemBody) : null);
  return data as T;
}

/** The message to show for an error: the problem's detail (or title), else the error's text. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    return [err.problem?.title, err.problem?.detail ?? fields].filter(Boolean).join(' — ') || err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Whether this browser believes it has a session (a flag in localStorage, no secret): without it
 * the app goes straight to its login page instead of probing the API for a 401.
 */
export function sessionHint(app: 'console' | 'portal'): { has(): boolean; set(on: boolean): void } {
  const key = `mz.${app}.session`;
  return {
    has: () => {
      try {
        return localStorage.getItem(key) === '1';
      } catch {
        return true;
      }
    },
    set: (on) => {
      try {
        if (on) localStorage.setItem(key, '1');
        else localStorage.removeItem(key);
      } catch {
        // Private mode: the app probes the API instead.
      }
    },
  };
}
