import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { api, sessionHint, setCsrfToken } from '../shared/api';
import type { PortalMe } from '../shared/contracts';
import { Loading } from '../shared/Loading';

/** The logged-in number's subjects and how to log out. */
export interface PortalSession {
  me: PortalMe;
  logout(): Promise<void>;
}

const Context = createContext<PortalSession | null>(null);

/** Set after a login, cleared at logout or when the session is gone. */
export const portalSessionHint = sessionHint('portal');

/** The current portal session; only inside RequirePortalSession. */
export function usePortalSession(): PortalSession {
  const session = useContext(Context);
  if (!session) throw new Error('usePortalSession outside RequirePortalSession');
  return session;
}

/** Loads the portal session or sends the visitor to the login page. */
export function RequirePortalSession({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<PortalMe | null | 'anonymous'>(portalSessionHint.has() ? null : 'anonymous');
  useEffect(() => {
    if (!portalSessionHint.has()) return;
    api<PortalMe>('/api/v1/portal/me').then(
      (loaded) => {
        setCsrfToken(loaded.csrfToken);
        setMe(loaded);
      },
      // 401 (or the server unreachable): the login page says what is wrong next.
      () => {
        portalSessionHint.set(false);
        setMe('anonymous');
      },
    );
  }, []);
  const logout = useCallback(async () => {
    await api('/api/v1/portal/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    portalSessionHint.set(false);
    setMe('anonymous');
  }, []);
  if (me === null) {
    return <Loading />;
  }
  if (me === 'anonymous') return <Navigate to="/login" replace />;
  return <Context.Provider value={{ me, logout }}>{children}</Context.Provider>;
}
