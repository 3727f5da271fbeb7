import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Grid, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorText, queryString } from '../../shared/api';
import type { Page, Proof, ProofListQuery, Subject } from '../../shared/contracts';
import { CursorPager } from '../../shared/CursorPager';
import { fill } from '../../shared/format';
import { ProofStatusTag } from '../../shared/ProofParts';
import { useProofWords } from '../../shared/proof-messages';
import { useSharedMessages } from '../../shared/shared-messages';
import { useCursorPages } from '../../shared/useCursorPages';
import { ExportButton } from '../ExportButton';
import { useMessages } from '../messages';
import { useProofTypes } from '../proof-catalogue';
import { useProofMessages } from '../proof-messages';
import { useSession } from '../session';
import { SubjectPicker } from '../SubjectPicker';

/** The list API's filters (its paging aside). */
type Query = Omit<ProofListQuery, 'cursor' | 'limit'>;

interface FilterForm {
  typeCode?: string;
  status?: Proof['status'];
  holder?: Subject | null;
}

const STATUSES: Proof['status'][] = ['valid', 'expired', 'revoked'];

/**
 * 证明查询: the proofs issued in the name of the actor's departments or asked for at their windows,
 * newest first; by type, status and applicant; server-side pages; export to Excel.
 */
export default function ProofsPage() {
  const t = useProofMessages();
  const w = useProofWords();
  const c = useMessages();
  const shared = useSharedMessages();
  const navigate = useNavigate();
  const { can } = useSession();
  const { types } = useProofTypes();
  const [query, setQuery] = useState<Query>({});
  const [form] = Form.useForm<FilterForm>();
  const pages = useCursorPages<Proof>((cursor) => api<Page<Proof>>(`/api/v1/proofs${queryString({ ...query, cursor, limit: 20 })}`), JSON.stringify(query));
  const search = (f: FilterForm) => setQuery({ ...(f.typeCode ? { typeCode: f.typeCode } : {}), ...(f.status ? { status: f.status } : {}), ...(f.holder ? { holderId: f.holder.id } : {}) });
  // On a phone the table keeps two columns: the proof (with its number and applicant) and its status.
  const narrow = !Grid.useBreakpoint().md;

  const columns: TableColumnsType<Proof> = [
    {
      title: w.typeName,
      dataIndex: 'typeName',
      width: narrow ? undefined : 150,
      render: (name: string, p) => (
        <div className="license-list-cell">
          <Link to={`/proofs/${p.id}`}>{name}</Link>
          {narrow ? (
            <>
              <span className="mono subtle">{p.number}</span>
              <span className="subtle">{p.holderName}</span>
            </>
          ) : null}
        </div>
      ),
    },
    ...(narrow
      ? []
      : [
          { title: w.number, dataIndex: 'number', width: 220, render: (v: string) => <span className="mono">{v}</span> },
          {
            title: w.holder,
            dataIndex: 'holderName',
            width: 180,
            render: (name: string, p: Proof) => (
              <div>
                {name}
                <div className="mono subtle">{p.holderCode}</div>
              </div>
            ),
          },
          { title: w.issuer, dataIndex: 'issuerName', width: 180 },
          { title: w.purpose, dataIndex: 'purpose', width: 120, ellipsis: true },
          {
            title: w.validity,
            key: 'validity',
            width: 120,
            render: (_: unknown, p: Proof) => (
              <div>
                <span className="nowrap">{p.issuedOn}</span>
                <div className="nowrap subtle">{fill(w.validityTo, { until: p.validUntil })}</div>
              </div>
            ),
          },
        ]),
    { title: w.status, key: 'status', width: narrow ? 120 : 140, render: (_, p) => <ProofStatusTag proof={p} /> },
  ];

  return (
    <>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t.searchTitle}
        </Typography.Title>
        {can('proof.issue') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/proofs/new')}>
            {t.issueTitle}
          </Button>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary">{t.searchIntro}</Typography.Paragraph>
      <Form<FilterForm> form={form} layout="inline" className="filters" onFinish={search} aria-label={c.filterLabel}>
        <Form.Item name="typeCode" label={w.typeName}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} options={(types ?? []).map((x) => ({ value: x.code, label: x.name }))} data-testid="proof-filter-type" />
        </Form.Item>
        <Form.Item name="status" label={w.status}>
          <Select allowClear style={{ width: 130 }} options={STATUSES.map((s) => ({ value: s, label: w[`status.${s}`] }))} data-testid="proof-filter-status" />
        </Form.Item>
        <Form.Item name="holder" label={w.holder}>
          <SubjectPicker purpose={t.listPurpose} />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" data-testid="proof-search">
              {shared.search}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setQuery({});
              }}
            >
              {shared.reset}
            </Button>
            <ExportButton list="proofs" filters={{ ...query }} />
          </Space>
        </Form.Item>
      </Form>
      {pages.error ? <Alert type="error" showIcon title={errorText(pages.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<Proof>
        rowKey="id"
        size="middle"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        scroll={narrow ? undefined : { x: 1100 }}
        data-testid="proofs-table"
        columns={columns}
      />
      <CursorPager pages={pages} label={c.tablePager} />
    </>
  );
}
