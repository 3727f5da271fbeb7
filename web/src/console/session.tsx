import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, api, sessionHint, setCsrfToken } from '../shared/api';
import type { Me } from '../shared/contracts';
import { Loading } from '../shared/Loading';

/** The signed-in staff member and what they may do. */
export interface Session {
  me: Me;
  /** True when the actor holds the permission (the server checks again). */
  can(permission: string): boolean;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Set after a sign-in, cleared at sign-out or when the session is gone. */
export const consoleSessionHint = sessionHint('console');

/** The current session; only inside RequireSession. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireSession');
  return session;
}

/** Loads who is signed in; sends anyone else to the login page, remembering where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | 'anonymous'>(consoleSessionHint.has() ? null : 'anonymous');
  const location = useLocation();
  const refresh = useCallback(async () => {
    try {
      const loaded = await api<Me>('/api/v1/auth/me');
      setCsrfToken(loaded.csrfToken);
      setMe(loaded);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) throw err;
      consoleSessionHint.set(false);
      setMe('anonymous');
    }
  }, []);
  useEffect(() => {
    if (consoleSessionHint.has()) void refresh();
  }, [refresh]);
  const logout = useCallback(async () => {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    consoleSessionHint.set(false);
    setMe('anonymous');
  }, []);
  if (me === null) return <Loading />;
  if (me === 'anonymous') return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const session: Session = { me, can: (p) => me.permissions.includes(p), refresh, logout };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
