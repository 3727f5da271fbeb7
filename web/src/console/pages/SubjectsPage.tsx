import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorText, queryString } from '../../shared/api';
import type { Page, Subject, SubjectSearch } from '../../shared/contracts';
import { CursorPager } from '../../shared/CursorPager';
import { formatTime } from '../../shared/format';
import { useSharedMessages } from '../../shared/shared-messages';
import { useCursorPages } from '../../shared/useCursorPages';
import { ExportButton } from '../ExportButton';
import { useMessages } from '../messages';
import { regionLabel, useCountyNames } from '../useRegionNames';

type IdentifierField = 'idNumber' | 'uscc' | 'phone';

interface SearchForm {
  kind?: 'person' | 'organization';
  name?: string;
  identifierField: IdentifierField;
  identifier?: string;
  regionCode?: string;
  purpose?: string;
}

/** Turns the form into the API's query (one identifier at most). Identifiers stay out of the address bar. */
function toQuery(f: SearchForm): SubjectSearch {
  const q: SubjectSearch = {};
  if (f.kind) q.kind = f.kind;
  if (f.name?.trim()) q.name = f.name.trim();
  if (f.identifier?.trim()) q[f.identifierField] = f.identifier.trim();
  if (f.regionCode) q.regionCode = f.regionCode;
  if (f.purpose?.trim()) q.purpose = f.purpose.trim();
  return q;
}

/** Subject search (办事主体查询): masked results, server-side pages, every search audited with its purpose. */
export default function SubjectsPage() {
  const t = useMessages();
  const shared = useSharedMessages();
  const counties = useCountyNames();
  const [query, setQuery] = useState<SubjectSearch>({});
  const pages = useCursorPages<Subject>((cursor) => api<Page<Subject>>(`/api/v1/subjects${queryString({ ...query, cursor, limit: 20 })}`), JSON.stringify(query));
  const [form] = Form.useForm<SearchForm>();
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t.subjects}
      </Typography.Title>
      <Form<SearchForm> form={form} layout="inline" className="filters" initialValues={{ identifierField: 'idNumber' }} onFinish={(v) => setQuery(toQuery(v))} aria-label={t.filterLabel}>
        <Form.Item name="kind" label={t.subjectKind}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t.all}
            options={[
              { value: 'person', label: t.person },
              { value: 'organization', label: t.organization },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t.namePrefix}>
          <Input allowClear style={{ width: 160 }} data-testid="subject-name" />
        </Form.Item>
        <Form.Item label={t.identifier}>
          <Space.Compact>
            <Form.Item name="identifierField" noStyle>
              <Select
                style={{ width: 120 }}
                aria-label={t.identifier}
                options={[
                  { value: 'idNumber', label: t.idNumber },
                  { value: 'uscc', label: t.uscc },
                  { value: 'phone', label: t.phone },
                ]}
              />
            </Form.Item>
            <Form.Item name="identifier" noStyle>
              <Input allowClear style={{ width: 200 }} aria-label={t.idOrUscc} autoComplete="off" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="regionCode" label={t.region}>
          <Select allowClear style={{ width: 180 }} options={[...counties.entries()].map(([code, name]) => ({ value: code, label: name }))} />
        </Form.Item>
        <Form.Item name="purpose" label={t.purpose}>
          <Input allowClear style={{ width: 220 }} placeholder={t.purposeHint} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="subject-search">
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
            <ExportButton list="subjects" filters={{ ...query }} />
          </Space>
        </Form.Item>
      </Form>
      {pages.error ? <Alert type="error" showIcon title={errorText(pages.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<Subject>
        rowKey="id"
        size="middle"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 860 }}
        data-testid="subjects-table"
        columns={[
          {
            title: t.name,
            dataIndex: 'name',
            width: 220,
            render: (name: string, s) => (
              <Link to={`/subjects/${s.id}`} state={{ purpose: query.purpose }}>
                {name}
              </Link>
            ),
          },
          { title: t.subjectKind, dataIndex: 'kind', width: 90, render: (k: string) => <Tag color={k === 'person' ? 'blue' : 'gold'}>{k === 'person' ? t.person : t.organization}</Tag> },
          { title: t.idOrUscc, key: 'id', width: 200, render: (_, s) => <span className="mono">{s.idNumber ?? s.uscc}</span> },
          { title: t.phone, dataIndex: 'phone', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          { title: t.region, dataIndex: 'regionCode', width: 200, render: (code: string) => regionLabel(code, counties) },
          { title: t.createdAt, dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
        ]}
      />
      <CursorPager pages={pages} label={t.tablePager} />
    </>
  );
}
