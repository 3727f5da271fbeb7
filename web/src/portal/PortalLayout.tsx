import { LogoutOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Loading } from '../shared/Loading';
import { PrefsToolbar } from '../shared/PrefsToolbar';
import { useSharedMessages } from '../shared/shared-messages';
import { useMessages } from './messages';
import { usePortalSession } from './portal-session';

/** The portal frame, mobile first: a title bar, four tabs, the page. */
export function PortalLayout() {
  const t = useMessages();
  const shared = useSharedMessages();
  const { logout } = usePortalSession();
  const navigate = useNavigate();
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {shared.skipToContent}
      </a>
      <header className="portal-header">
        <div className="portal-bar">
          <span className="portal-brand">
            <span className="brand-mark" aria-hidden="true">
              免
            </span>
            <span>
              <strong>{t.appName}</strong>
              <small>{t.appShort}</small>
            </span>
          </span>
          <Button
            type="text"
            icon={<LogoutOutlined />}
            aria-label={t.logout}
            onClick={() => {
              void logout().then(() => navigate('/login'));
            }}
          >
            {t.logout}
          </Button>
        </div>
        <div className="portal-prefs">
          <PrefsToolbar compact />
        </div>
        <nav className="portal-tabs" aria-label={t.nav}>
          <NavLink to="/" end>
            {t.myInfo}
          </NavLink>
          <NavLink to="/licenses">{t.wallet}</NavLink>
          <NavLink to="/proofs">{t.proofs}</NavLink>
          <NavLink to="/access-log">{t.accessLog}</NavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="portal-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
