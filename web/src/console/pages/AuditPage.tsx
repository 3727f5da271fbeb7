import { Alert, Button, DatePicker, Form, Input, Space, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, queryString } from '../../shared/api';
import type { AuditEvent, ChainVerification, Page } from '../../shared/contracts';
import { CursorPager } from '../../shared/CursorPager';
import { fill, formatTime } from '../../shared/format';
import { useSharedMessages } from '../../shared/shared-messages';
import { useCursorPages } from '../../shared/useCursorPages';
import { ExportButton } from '../ExportButton';
import { useMessages } from '../messages';
import { useSession } from '../session';

interface Filters {
  action?: string;
  actorId?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

interface FilterForm {
  action?: string;
  actorId?: string;
  subjectId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The audit log, newest first, with the hash chain's verification status on top. */
export default function AuditPage() {
  const t = useMessages();
  const shared = useSharedMessages();
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [chain, setChain] = useState<ChainVerification | 'checking' | { error: string }>('checking');
  const pages = useCursorPages<AuditEvent>((cursor) => api<Page<AuditEvent>>(`/api/v1/audit${queryString({ ...filters, cursor, limit: 20 })}`), JSON.stringify(filters));

  const verify = useCallback(() => {
    setChain('checking');
    api<ChainVerification>('/api/v1/audit/verify').then(setChain, (e: unknown) => setChain({ error: errorText(e) }));
  }, []);
  useEffect(verify, [verify]);

  if (!can('audit.read')) return <Alert type="info" showIcon title={t.noAccess} />;

  const apply = (v: FilterForm) => {
    const [from, to] = v.range ?? [null, null];
    const next: Filters = {};
    if (v.action?.trim()) next.action = v.action.trim();
    if (v.actorId?.trim()) next.actorId = v.actorId.trim();
    if (v.subjectId?.trim()) next.subjectId = v.subjectId.trim();
    if (from) next.from = from.startOf('day').toISOString();
    if (to) next.to = to.endOf('day').toISOString();
    setFilters(next);
  };

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t.audit}
      </Typography.Title>
      <div data-testid="chain-status" role="status" style={{ marginBottom: 16 }}>
        {chain === 'checking' ? (
          <Alert type="info" title={<Space><Spin size="small" />{t.verifying}</Space>} />
        ) : 'error' in chain ? (
          <Alert type="error" showIcon title={chain.error} />
        ) : chain.ok ? (
          <Alert type="success" showIcon title={fill(t.chainOk, { n: chain.checked })} action={<Button size="small" onClick={verify}>{t.verifyAgain}</Button>} />
        ) : (
          <Alert
            type="error"
            showIcon
            title={fill(t.chainBroken, { seq: chain.broken?.seq ?? '?', reason: chain.broken?.reason ?? '' })}
            action={<Button size="small" onClick={verify}>{t.verifyAgain}</Button>}
          />
        )}
      </div>
      <Form<FilterForm> layout="inline" className="filters" onFinish={apply} aria-label={t.filterLabel}>
        <Form.Item name="action" label={t.action}>
          <Input allowClear style={{ width: 180 }} placeholder={t.actionHint} />
        </Form.Item>
        <Form.Item name="actorId" label={t.actorId}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="subjectId" label={t.subjectId}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="range" label={t.timeRange}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {shared.search}
            </Button>
            <ExportButton list="audit" filters={{ ...filters }} />
          </Space>
        </Form.Item>
      </Form>
      {pages.error ? <Alert type="error" showIcon title={errorText(pages.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<AuditEvent>
        rowKey="seq"
        size="small"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 1100 }}
        data-testid="audit-table"
        expandable={{
          expandedRowRender: (e) => (
            <pre className="mono" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {JSON.stringify({ payload: e.payload, subjectIds: e.subjectIds, requestId: e.requestId, prevHash: e.prevHash, hash: e.hash }, null, 2)}
            </pre>
          ),
        }}
        columns={[
          { title: t.seq, dataIndex: 'seq', width: 70 },
          { title: t.time, dataIndex: 'occurredAt', width: 150, render: (v: string) => formatTime(v) },
          { title: t.actor, dataIndex: 'actorName', width: 140, render: (v: string | null, e) => v ?? e.actorKind },
          { title: t.action, dataIndex: 'action', width: 160, render: (v: string) => <code>{v}</code> },
          { title: t.target, key: 'target', width: 220, render: (_, e) => (e.targetType ? <span className="mono">{`${e.targetType}:${e.targetId ?? ''}`}</span> : '—') },
          { title: t.purpose, dataIndex: 'purpose', width: 160, render: (v: string | null) => v ?? '—' },
          { title: t.hash, dataIndex: 'hash', width: 120, render: (v: string) => <span className="mono" title={v}>{v.slice(0, 12)}…</span> },
        ]}
      />
      <CursorPager pages={pages} label={t.tablePager} />
    </>
  );
}
