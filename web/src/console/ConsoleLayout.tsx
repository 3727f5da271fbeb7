import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
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
  /** A menu group: its own path is only its key. */
  children?: NavItem[];
}

/** The menu entry of the current page: the longest path that is the location or a parent of it (/licenses/123 → /licenses). */
function selectedPath(items: NavItem[], pathname: string): string | undefined {
  const leaves = items.flatMap((n) => n.children ?? [n]);
  if (pathname === '/') return '/';
  return leaves
    .filter((n) => n.path !== '/' && (pathname === n.path || pathname.startsWith(`${n.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
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
    {
      path: 'group:licenses',
      label: t.licenses,
      icon: <SafetyCertificateOutlined />,
      permission: 'license.read',
      children: [
        { path: '/licenses', label: t.licenseSearch, icon: <FileSearchOutlined />, permission: 'license.read' },
        { path: '/licenses/new', label: t.licenseIssue, icon: <FileAddOutlined />, permission: 'license.issue' },
        { path: '/licenses/types', label: t.licenseTypes, icon: <BookOutlined />, permission: 'license.read' },
        { path: '/licenses/verify', label: t.licenseVerify, icon: <SafetyOutlined />, permission: 'license.read' },
      ],
    },
    {
      path: 'group:proofs',
      label: t.proofs,
      icon: <FileProtectOutlined />,
      permission: 'proof.read',
      children: [
        { path: '/proofs', label: t.proofSearch, icon: <FileSearchOutlined />, permission: 'proof.read' },
        { path: '/proofs/new', label: t.proofIssue, icon: <FileDoneOutlined />, permission: 'proof.issue' },
        { path: '/proofs/types', label: t.proofTypes, icon: <BookOutlined />, permission: 'proof.read' },
      ],
    },
    { path: '/staff', label: t.staff, icon: <TeamOutlined />, permission: 'staff.read' },
    { path: '/api-keys', label: t.apiKeys, icon: <KeyOutlined />, permission: 'apikey.manage' },
    { path: '/audit', label: t.audit, icon: <AuditOutlined />, permission: 'audit.read' },
  ];
  const allowed = (n: NavItem) => n.permission === null || can(n.permission);
  const visible = nav.filter(allowed).map((n) => (n.children ? { ...n, children: n.children.filter(allowed) } : n));
  const selected = selectedPath(visible, location.pathname);
  const itemOf = (n: NavItem) => ({ key: n.path, icon: n.icon, label: <Link to={n.path}>{n.label}</Link> });
  const roleText = me.roles.map((r) => (locale === 'en-US' ? roleLabels[r]?.en : roleLabels[r]?.zh) ?? r).join('、');
  const name = me.staff?.displayName ?? me.apiKey?.name ?? '';
  const department = me.staff?.departmentName ?? '';
  const menu = (
    <nav aria-label={t.menu}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        defaultOpenKeys={visible.filter((n) => n.children).map((n) => n.path)}
        onClick={() => setDrawerOpen(false)}
        items={visible.map((n) => (n.children ? { key: n.path, icon: n.icon, label: n.label, children: n.children.map(itemOf) } : itemOf(n)))}
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
