import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ROLES } from '../../../../src/core/access/access.js';
import { api, errorText } from '../../shared/api';
import type { ApiKey, NewApiKey } from '../../shared/contracts';
import { formatTime } from '../../shared/format';
import { usePrefs } from '../../shared/prefs';
import { DepartmentSelect } from '../DepartmentSelect';
import { roleLabels, useMessages } from '../messages';
import { useSession } from '../session';

/** API keys for department systems: issue (the key is shown once), list, revoke. Admins only. */
export default function ApiKeysPage() {
  const t = useMessages();
  const { locale } = usePrefs();
  const { me, can } = useSession();
  const { message } = App.useApp();
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const [form] = Form.useForm<NewApiKey>();
  const roleName = (r: string) => (locale === 'en-US' ? roleLabels[r]?.en : roleLabels[r]?.zh) ?? r;

  const load = useCallback(() => {
    setLoading(true);
    api<{ items: ApiKey[] }>('/api/v1/api-keys').then(
      (r) => {
        setKeys(r.items);
        setLoading(false);
      },
      (e: unknown) => {
        setError(errorText(e));
        setLoading(false);
      },
    );
  }, []);
  useEffect(load, [load]);

  if (!can('apikey.manage')) return <Alert type="info" showIcon title={t.noAccess} />;

  const create = async () => {
    const values = await form.validateFields();
    try {
      const result = await api<{ key: string; apiKey: ApiKey }>('/api/v1/api-keys', { method: 'POST', body: values });
      setCreating(false);
      form.resetFields();
      setIssued(result.key);
      load();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const revoke = async (k: ApiKey) => {
    try {
      await api(`/api/v1/api-keys/${k.id}`, { method: 'DELETE' });
      load();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t.apiKeyList}
      </Typography.Title>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 16 }}>
        {t.newApiKey}
      </Button>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={keys}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { title: t.name, dataIndex: 'name', width: 200 },
          { title: t.prefix, dataIndex: 'prefix', width: 130, render: (v: string) => <span className="mono">{v}…</span> },
          { title: t.roles, dataIndex: 'roles', width: 150, render: (roles: string[]) => roles.map((r) => <Tag key={r}>{roleName(r)}</Tag>) },
          { title: t.scope, dataIndex: 'scopeRegionCode', width: 130, render: (v: string) => <span className="mono">{v}</span> },
          { title: t.expiresAt, dataIndex: 'expiresAt', width: 140, render: (v: string | null) => (v ? formatTime(v) : t.never) },
          { title: t.lastUsed, dataIndex: 'lastUsedAt', width: 140, render: (v: string | null) => formatTime(v) },
          {
            title: t.status,
            key: 'status',
            width: 160,
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{`${t.revokedAt} ${formatTime(k.revokedAt)}`}</Tag>
              ) : (
                <Popconfirm title={t.revokeConfirm} onConfirm={() => void revoke(k)} okText={t.ok} cancelText={t.cancel}>
                  <Button size="small" danger aria-label={`${t.revoke} ${k.name}`}>
                    {t.revoke}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal open={creating} title={t.newApiKey} onOk={() => void create()} onCancel={() => setCreating(false)} okText={t.ok} cancelText={t.cancel} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ scopeRegionCode: me.scope.regionCode, roles: ['viewer'] }}>
          <Form.Item name="name" label={t.name} rules={[{ required: true, message: t.required }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentId" label={t.department} rules={[{ required: true, message: t.required }]}>
            <DepartmentSelect ariaLabel={t.department} />
          </Form.Item>
          <Form.Item name="roles" label={t.roles} rules={[{ required: true, message: t.required }]}>
            <Select mode="multiple" options={ROLES.filter((r) => r !== 'admin').map((r) => ({ value: r, label: roleName(r) }))} />
          </Form.Item>
          <Form.Item name="scopeRegionCode" label={t.scopeRegionCode} rules={[{ required: true, pattern: /^\d{12}$/, message: t.required }]}>
            <Input className="mono" maxLength={12} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={issued !== null} title={t.newApiKey} onOk={() => setIssued(null)} onCancel={() => setIssued(null)} okText={t.close} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph>{t.keyOnce}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: issued ?? '' }} className="mono" data-testid="one-time-secret">
          {issued}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
