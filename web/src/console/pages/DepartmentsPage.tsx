import { Alert, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { DEPARTMENT_KINDS } from '../../../../src/registry/demo/yiyang-departments.js';
import { api, errorText, queryString } from '../../shared/api';
import type { Department, Page } from '../../shared/contracts';
import { CursorPager } from '../../shared/CursorPager';
import { useSharedMessages } from '../../shared/shared-messages';
import { useCursorPages } from '../../shared/useCursorPages';
import { ExportButton } from '../ExportButton';
import { useMessages } from '../messages';
import { useSession } from '../session';
import { regionLabel, useCountyNames } from '../useRegionNames';

interface Filters {
  q?: string;
  regionCode?: string;
  kind?: string;
}

/** Departments (部门), filtered by name, region and kind, a page at a time. */
export default function DepartmentsPage() {
  const t = useMessages();
  const shared = useSharedMessages();
  const counties = useCountyNames();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const filters: Filters = { q: params.get('q') ?? undefined, regionCode: params.get('regionCode') ?? undefined, kind: params.get('kind') ?? undefined };
  const [form] = Form.useForm<Filters>();
  const pages = useCursorPages<Department>((cursor) => api<Page<Department>>(`/api/v1/departments${queryString({ ...filters, cursor, limit: 20 })}`), JSON.stringify(filters));
  const apply = (values: Filters) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (typeof v === 'string' && v.trim()) next.set(k, v.trim());
    setParams(next);
  };
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t.departments}
      </Typography.Title>
      <Form form={form} layout="inline" className="filters" initialValues={filters} onFinish={apply} aria-label={t.filterLabel} key={JSON.stringify(filters)}>
        <Form.Item name="q" label={t.keyword}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t.region}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            options={[{ value: me.scope.regionCode, label: `${me.scope.regionName} ${me.scope.regionCode}` }, ...[...counties.entries()].map(([code, name]) => ({ value: code, label: `${name} ${code}` }))]}
          />
        </Form.Item>
        <Form.Item name="kind" label={t.kind}>
          <Select allowClear style={{ width: 180 }} options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {shared.search}
            </Button>
            <Button onClick={() => setParams(new URLSearchParams())}>{shared.reset}</Button>
            <ExportButton list="departments" filters={{ ...filters }} />
          </Space>
        </Form.Item>
      </Form>
      {pages.error ? <Alert type="error" showIcon title={errorText(pages.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<Department>
        rowKey="id"
        size="middle"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t.name, dataIndex: 'name', width: 260 },
          { title: t.shortName, dataIndex: 'shortName', width: 120 },
          { title: t.region, dataIndex: 'regionCode', width: 200, render: (code: string) => regionLabel(code, counties) },
          { title: t.kind, dataIndex: 'kind', width: 120 },
          { title: t.line, dataIndex: 'line', width: 160 },
          { title: t.uscc, dataIndex: 'uscc', width: 200, render: (v: string) => <span className="mono">{v}</span> },
        ]}
      />
      <CursorPager pages={pages} label={t.tablePager} />
    </>
  );
}
