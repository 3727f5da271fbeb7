import { ApartmentOutlined, AuditOutlined, ClusterOutlined, DashboardOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Layout, Menu, Tag } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '../shared/Loading';
import { PrefsToolbar } from '../shared/PrefsToolbar';
import { usePrefs } from '../shared/prefs';
import { useSharedMessages } from '../shared/shared-messages';
import { ChangePasswordModal } from './ChangePasswordModal';
import { roleLabels, useMessages } from './messages';
import { useSession } from './session';

interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  permission: string | null;
}

/** The console frame: header with the actor's name, roles and scope; the menu; the page. */
export function ConsoleLayout() {
  const t = useMessages();
  const shared = useSharedMessages();
  const { locale } = usePrefs();
  const { me, can, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const nav: NavItem[] = [
    { path: '/', label: t.home, icon: <DashboardOutlined />, permission: null },
    { path: '/regions', label: t.regions, icon: <ClusterOutlined />, permission: 'region.read' },
    { path: '/departments', label: t.departments, icon: <ApartmentOutlined />, permission: 'department.read' },
    { path: '/subjects', label: t.subjects, icon: <UserOutlined />, permission: 'subject.read' },
    { path: '/staff', label: t.staff, icon: <TeamOutlined />, permission: 'staff.read' },
    { path: '/api-keys', label: t.apiKeys, icon: <KeyOutlined />, permission: 'apikey.manage' },
    { path: '/audit', label: t.audit, icon: <AuditOutlined />, permission: 'audit.read' },
  ];
  const visible = nav.filter((n) => n.permission === null || can(n.permission));
  const selected = visible.filter((n) => n.path !== '/' && location.pathname.startsWith(n.path)).map((n) => n.path);
  const roleText = me.roles.map((r) => (locale === 'en-US' ? roleLabels[r]?.en : roleLabels[r]?.zh) ?? r).join('、');
  const name = me.staff?.displayName ?? me.apiKey?.name ?? '';
  const department = me.staff?.departmentName ?? '';
  const menu = (
    <nav aria-label={t.menu}>
      <Menu
        mode="inline"
        selectedKeys={selected.length ? selected : location.pathname === '/' ? ['/'] : []}
        onClick={() => setDrawerOpen(false)}
        items={visible.map((n) => ({ key: n.path, icon: n.icon, label: <Link to={n.path}>{n.label}</Link> }))}
      />
    </nav>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {shared.skipToContent}
      </a>
      <Layout.Header className="console-header">
        <Button type="text" className="menu-toggle" icon={<MenuOutlined />} aria-label={t.menu} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} />
        <Link to="/" className="brand" aria-label={t.appName}>
          <span className="brand-mark" aria-hidden="true">
            免
          </span>
          <span className="brand-text">
            <strong>{t.appName}</strong>
            <small>{t.appSubtitle}</small>
          </span>
        </Link>
        <div className="header-right">
          <PrefsToolbar compact />
          <section className="actor" aria-label={t.signedInAs} data-testid="actor">
            <strong className="actor-name">{name}</strong>
            <span className="actor-meta">
              <Tag color="blue" variant="filled">
                {roleText}
              </Tag>
              <span title={t.scope}>{me.scope.regionName}</span>
              {department ? <span title={t.department}> · {department}</span> : null}
            </span>
          </section>
          <Button
            type="text"
            className="logout"
            icon={<LogoutOutlined />}
            aria-label={shared.logout}
            onClick={() => {
              void logout().then(() => navigate('/login'));
            }}
          >
            <span className="logout-text">{shared.logout}</span>
          </Button>
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" className="console-sider">
          {menu}
        </Layout.Sider>
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} title={t.appName} className="console-drawer">
          {menu}
        </Drawer>
        <Layout.Content id="main" tabIndex={-1} className="console-content">
          {me.staff?.mustChangePassword ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t.mustChangePassword}
              action={
                <Button size="small" onClick={() => setPasswordOpen(true)}>
                  {t.changePassword}
                </Button>
              }
            />
          ) : null}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
