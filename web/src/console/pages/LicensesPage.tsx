import { ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Grid, Input, Segmented, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorText, queryString } from '../../shared/api';
import type { License, Page, Subject } from '../../shared/contracts';
import { CursorPager } from '../../shared/CursorPager';
import { fill } from '../../shared/format';
import { useLicenseWords } from '../../shared/license-messages';
import { EXPIRING_WITHIN_DAYS, STANDINGS, addDays, today, type Standing } from '../../shared/license-standing';
import { LicenseStatusTag } from '../../shared/LicenseParts';
import { useSharedMessages } from '../../shared/shared-messages';
import { useCursorPages } from '../../shared/useCursorPages';
import { ExportButton } from '../ExportButton';
import { useLicenseTypes } from '../license-catalogue';
import { useLicenseMessages } from '../license-messages';
import { useMessages } from '../messages';
import { useSession } from '../session';
import { SubjectPicker } from '../SubjectPicker';

/** The list API's filters. */
interface Query {
  typeCode?: string;
  number?: string;
  holderName?: string;
  status?: string;
  expiringBy?: string;
  holderId?: string;
  purpose?: string;
}

interface FilterForm {
  typeCode?: string;
  number?: string;
  holderName?: string;
  standing?: Standing;
  expiringBy?: Dayjs | null;
}

/** "Expiring" is a valid licence ending by a date (by default within 90 days); the other standings are statuses. */
function toQuery(f: FilterForm): Query {
  const q: Query = {};
  if (f.typeCode) q.typeCode = f.typeCode;
  if (f.number?.trim()) q.number = f.number.trim();
  if (f.holderName?.trim()) q.holderName = f.holderName.trim();
  if (f.expiringBy) q.expiringBy = f.expiringBy.format('YYYY-MM-DD');
  if (f.standing === 'expiring') {
    q.status = 'valid';
    q.expiringBy ??= addDays(today(), EXPIRING_WITHIN_DAYS);
  } else if (f.standing) q.status = f.standing;
  return q;
}

/**
 * 证照查询: the licences the actor's departments issued, or — for a stated purpose, as a recorded
 * retrieval (调取) — every licence of one holder. Server-side pages, filters, export to Excel.
 */
export default function LicensesPage() {
  const t = useLicenseMessages();
  const w = useLicenseWords();
  const c = useMessages();
  const shared = useSharedMessages();
  const navigate = useNavigate();
  const { can } = useSession();
  const { types } = useLicenseTypes();
  const [mode, setMode] = useState<'own' | 'holder'>(can('license.issue') ? 'own' : 'holder');
  const [query, setQuery] = useState<Query>({});
  const [holder, setHolder] = useState<Subject | null>(null);
  const [purpose, setPurpose] = useState('');
  const [form] = Form.useForm<FilterForm>();
  const active = mode === 'own' || Boolean(query.holderId && query.purpose);
  const pages = useCursorPages<License>(
    (cursor) => (active ? api<Page<License>>(`/api/v1/licenses${queryString({ ...query, cursor, limit: 20 })}`) : Promise.resolve({ items: [], nextCursor: null })),
    `${mode}:${JSON.stringify(query)}`,
  );
  const search = (f: FilterForm) => setQuery({ ...toQuery(f), ...(mode === 'holder' && holder ? { holderId: holder.id, purpose: purpose.trim() } : {}) });
  const typeOptions = (types ?? []).map((x) => ({ value: x.code, label: x.name }));
  // On a phone the table keeps two columns: the licence (with its number and holder) and its status.
  const narrow = !Grid.useBreakpoint().md;

  const columns: TableColumnsType<License> = [
    {
      title: w.typeName,
      dataIndex: 'typeName',
      width: narrow ? undefined : 170,
      render: (name: string, l) => (
        <div className="license-list-cell">
          <Link to={`/licenses/${l.id}`} state={{ purpose: query.purpose }}>
            {name}
          </Link>
          {narrow ? (
            <>
              <span className="mono subtle">{l.number}</span>
              <span className="subtle">{l.holderName}</span>
            </>
          ) : null}
        </div>
      ),
    },
    ...(narrow
      ? []
      : [
          { title: w.number, dataIndex: 'number', width: 200, render: (v: string) => <span className="mono">{v}</span> },
          {
            title: w.holder,
            dataIndex: 'holderName',
            width: 220,
            render: (name: string, l: License) => (
              <div>
                {name}
                <div className="mono subtle">{l.holderCode}</div>
              </div>
            ),
          },
          { title: w.issuer, dataIndex: 'issuerName', width: 190 },
          { title: w.validUntil, dataIndex: 'validUntil', width: 110, render: (v: string | null) => v ?? w.longTerm },
        ]),
    { title: w.status, key: 'status', width: narrow ? 130 : 150, render: (_, l) => <LicenseStatusTag license={l} /> },
    ...(narrow ? [] : [{ title: w.version, dataIndex: 'version', width: 70, render: (v: number) => `v${v}` }]),
  ];

  return (
    <>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t.searchTitle}
        </Typography.Title>
        {can('license.issue') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/licenses/new')}>
            {t.issueTitle}
          </Button>
        ) : null}
      </div>
      <Segmented
        value={mode}
        onChange={(v) => {
          setMode(v as 'own' | 'holder');
          setQuery({});
          form.resetFields();
        }}
        options={[
          ...(can('license.issue') ? [{ value: 'own', label: t.modeOwn }] : []),
          { value: 'holder', label: t.modeHolder },
        ]}
        style={{ marginBottom: 12 }}
        aria-label={t.modeLabel}
      />
      {mode === 'holder' ? (
        <div className="retrieval-box">
          <Alert type="info" showIcon title={t.retrievalNote} style={{ marginBottom: 12 }} />
          <Form layout="vertical" requiredMark={false} className="retrieval-form">
            <Form.Item label={t.holder} required>
              <SubjectPicker value={holder} onChange={setHolder} purpose={purpose.trim() || t.retrievalDefaultPurpose} />
            </Form.Item>
            <Form.Item label={t.retrievalPurpose} required>
              <Input value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={200} placeholder={t.purposeExample} data-testid="retrieval-purpose" />
            </Form.Item>
          </Form>
        </div>
      ) : null}
      <Form<FilterForm> form={form} layout="inline" className="filters" onFinish={search} aria-label={c.filterLabel}>
        <Form.Item name="typeCode" label={w.typeName}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} options={typeOptions} data-testid="filter-type" />
        </Form.Item>
        <Form.Item name="number" label={w.number}>
          <Input allowClear style={{ width: 180 }} data-testid="filter-number" />
        </Form.Item>
        {mode === 'own' ? (
          <Form.Item name="holderName" label={t.holderNamePrefix}>
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="standing" label={w.status}>
          <Select allowClear style={{ width: 130 }} options={STANDINGS.map((s) => ({ value: s, label: w[`standing.${s}`] }))} data-testid="filter-status" />
        </Form.Item>
        <Form.Item name="expiringBy" label={t.expiringBy}>
          <DatePicker allowClear style={{ width: 150 }} />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" disabled={mode === 'holder' && (!holder || purpose.trim().length < 2)} data-testid="license-search">
              {shared.search}
            </Button>
            <Button
              icon={<ClockCircleOutlined />}
              disabled={mode === 'holder' && (!holder || purpose.trim().length < 2)}
              onClick={() => {
                form.setFieldsValue({ standing: 'expiring', expiringBy: null });
                form.submit();
              }}
              data-testid="expiring-filter"
            >
              {fill(t.expiringWithin, { n: EXPIRING_WITHIN_DAYS })}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setQuery(mode === 'holder' && query.holderId ? { holderId: query.holderId, purpose: query.purpose } : {});
              }}
            >
              {shared.reset}
            </Button>
            {active ? <ExportButton list="licenses" filters={{ ...query }} /> : null}
          </Space>
        </Form.Item>
      </Form>
      {pages.error ? <Alert type="error" showIcon title={errorText(pages.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<License>
        rowKey="id"
        size="middle"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        scroll={narrow ? undefined : { x: 1080 }}
        data-testid="licenses-table"
        locale={mode === 'holder' && !active ? { emptyText: t.pickHolderFirst } : undefined}
        columns={columns}
      />
      <CursorPager pages={pages} label={c.tablePager} />
    </>
  );
}
