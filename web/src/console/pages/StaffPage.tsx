import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLES } from '../../../../src/core/access/access.js';
import { api, errorText, queryString } from '../../shared/api';
import type { NewStaff, Page, Staff } from '../../shared/contracts';
import { CursorPager } from '../../shared/CursorPager';
import { formatTime } from '../../shared/format';
import { usePrefs } from '../../shared/prefs';
import { useSharedMessages } from '../../shared/shared-messages';
import { useCursorPages } from '../../shared/useCursorPages';
import { DepartmentSelect } from '../DepartmentSelect';
import { ExportButton } from '../ExportButton';
import { roleLabels, useMessages } from '../messages';
import { useSession } from '../session';

interface Filters {
  q?: string;
  role?: string;
  status?: string;
}

/** Staff accounts: list and filter; admins create, enable/disable and reset passwords (shown once). */
export default function StaffPage() {
  const t = useMessages();
  const shared = useSharedMessages();
  const { locale } = usePrefs();
  const { me, can } = useSession();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const pages = useCursorPages<Staff>((cursor) => api<Page<Staff>>(`/api/v1/staff${queryString({ ...filters, cursor, limit: 20 })}`), JSON.stringify(filters));
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ username: string; password: string; title: string } | null>(null);
  const [form] = Form.useForm<NewStaff>();
  const manage = can('staff.manage');
  const roleName = (r: string) => (locale === 'en-US' ? roleLabels[r]?.en : roleLabels[r]?.zh) ?? r;
  const roleOptions = ROLES.map((r) => ({ value: r, label: roleName(r) }));

  const create = async () => {
    const values = await form.validateFields();
    try {
      const body: NewStaff = { ...values, ...(values.password ? {} : { password: undefined }) };
      const result = await api<{ staff: Staff; password?: string }>('/api/v1/staff', { method: 'POST', body });
      setCreating(false);
      form.resetFields();
      message.success(t.created);
      if (result.password) setSecret({ username: result.staff.username, password: result.password, title: t.initialPassword });
      pages.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const setStatus = async (s: Staff, status: 'active' | 'disabled') => {
    try {
      await api(`/api/v1/staff/${s.id}`, { method: 'PATCH', body: { status } });
      message.success(t.saved);
      pages.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const resetPassword = async (s: Staff) => {
    try {
      const { password } = await api<{ password: string }>(`/api/v1/staff/${s.id}/reset-password`, { method: 'POST' });
      setSecret({ username: s.username, password, title: t.resetPassword });
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t.staffList}
      </Typography.Title>
      <Form<Filters> layout="inline" className="filters" onFinish={(v) => setFilters(Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as Filters)} aria-label={t.filterLabel}>
        <Form.Item name="q" label={t.keyword}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="role" label={t.roles}>
          <Select allowClear style={{ width: 140 }} options={roleOptions} />
        </Form.Item>
        <Form.Item name="status" label={t.status}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={[
              { value: 'active', label: t.active },
              { value: 'disabled', label: t.disabled },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {shared.search}
            </Button>
            <ExportButton list="staff" filters={{ ...filters }} />
            {manage ? (
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t.newStaff}
              </Button>
            ) : null}
          </Space>
        </Form.Item>
      </Form>
      {pages.error ? <Alert type="error" showIcon title={errorText(pages.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<Staff>
        rowKey="id"
        size="middle"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: t.username, dataIndex: 'username', width: 160, render: (v: string) => <span className="mono">{v}</span> },
          { title: t.displayName, dataIndex: 'displayName', width: 220 },
          { title: t.department, dataIndex: 'departmentName', width: 220, render: (v: string | null) => v ?? '—' },
          { title: t.roles, dataIndex: 'roles', width: 140, render: (roles: string[]) => roles.map((r) => <Tag key={r}>{roleName(r)}</Tag>) },
          { title: t.scope, dataIndex: 'scopeRegionCode', width: 150, render: (v: string) => <span className="mono">{v}</span> },
          { title: t.status, dataIndex: 'status', width: 80, render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{v === 'active' ? t.active : t.disabled}</Tag> },
          { title: t.lastLogin, dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => formatTime(v) },
          ...(manage
            ? [
                {
                  title: t.actions,
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, s: Staff) => (
                    <Space size={4} wrap>
                      {s.id === me.staff?.id ? null : s.status === 'active' ? (
                        <Button size="small" onClick={() => void setStatus(s, 'disabled')} aria-label={`${t.disable} ${s.username}`}>
                          {t.disable}
                        </Button>
                      ) : (
                        <Button size="small" onClick={() => void setStatus(s, 'active')} aria-label={`${t.enable} ${s.username}`}>
                          {t.enable}
                        </Button>
                      )}
                      <Popconfirm title={t.resetConfirm} onConfirm={() => void resetPassword(s)} okText={t.ok} cancelText={t.cancel}>
                        <Button size="small" aria-label={`${t.resetPassword} ${s.username}`}>
                          {t.resetPassword}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CursorPager pages={pages} label={t.tablePager} />
      <Modal open={creating} title={t.newStaff} onOk={() => void create()} onCancel={() => setCreating(false)} okText={t.ok} cancelText={t.cancel} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ scopeRegionCode: me.scope.regionCode, roles: ['clerk'] }}>
          <Form.Item name="username" label={t.username} rules={[{ required: true, min: 3, message: t.required }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t.displayName} rules={[{ required: true, message: t.required }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentId" label={t.department}>
            <DepartmentSelect ariaLabel={t.department} />
          </Form.Item>
          <Form.Item name="roles" label={t.roles} rules={[{ required: true, message: t.required }]}>
            <Select mode="multiple" options={roleOptions} />
          </Form.Item>
          <Form.Item name="scopeRegionCode" label={t.scopeRegionCode} rules={[{ required: true, pattern: /^\d{12}$/, message: t.required }]}>
            <Input className="mono" maxLength={12} />
          </Form.Item>
          <Form.Item name="password" label={t.password} extra={t.generatedPasswordHint} rules={[{ min: 12 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={secret !== null} title={secret?.title} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} okText={t.close} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph>{t.passwordOnce}</Typography.Paragraph>
        <Typography.Paragraph>
          <span className="mono">{secret?.username}</span>
        </Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: secret?.password ?? '' }} className="mono" style={{ fontSize: '1.2em' }} data-testid="one-time-secret">
          {secret?.password}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
