import { SearchOutlined } from '@ant-design/icons';
import { Alert, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorText } from '../../shared/api';
import type { LicenseType } from '../../shared/contracts';
import { KindTags } from '../KindTags';
import { useLicenseTypes, useLineDepartments, validityText } from '../license-catalogue';
import { useLicenseMessages } from '../license-messages';
import { useMessages } from '../messages';
import { useSession } from '../session';

/** 证照目录: every licence type with who issues it, to whom, for how long, what renews it and what it shows. */
export default function LicenseTypesPage() {
  const t = useLicenseMessages();
  const c = useMessages();
  const { me } = useSession();
  const { types, error } = useLicenseTypes();
  const lines = useLineDepartments(me.scope.regionCode);
  const [q, setQ] = useState('');
  const [line, setLine] = useState<string | undefined>();
  const lineName = (code: string) => lines.get(code) ?? code;
  const lineOptions = useMemo(() => [...new Set((types ?? []).map((x) => x.issuingLine))].map((code) => ({ value: code, label: lines.get(code) ?? code })), [types, lines]);
  const shown = (types ?? []).filter((x) => (!line || x.issuingLine === line) && (!q.trim() || x.name.includes(q.trim()) || x.code.includes(q.trim().toLowerCase())));
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t.typesTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.typesIntro}</Typography.Paragraph>
      <Space wrap className="filters" aria-label={c.filterLabel}>
        <Input allowClear prefix={<SearchOutlined aria-hidden />} placeholder={t.typeSearch} aria-label={t.typeSearch} style={{ width: 220 }} onChange={(e) => setQ(e.target.value)} data-testid="type-search" />
        <Select allowClear placeholder={t.issuingLine} aria-label={t.issuingLine} style={{ width: 240 }} options={lineOptions} value={line} onChange={setLine} />
        <span aria-live="polite">{types ? `${shown.length} / ${types.length}` : ''}</span>
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Table<LicenseType>
        rowKey="code"
        size="middle"
        loading={types === null}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 1480 }}
        data-testid="license-types-table"
        columns={[
          {
            title: t.typeName,
            dataIndex: 'name',
            width: 210,
            fixed: 'left',
            render: (name: string, x) => (
              <div>
                <strong>{name}</strong>
                <div className="mono subtle">{x.code}</div>
              </div>
            ),
          },
          { title: t.issuingLine, dataIndex: 'issuingLine', width: 190, render: (v: string) => lineName(v) },
          {
            title: t.holderKinds,
            dataIndex: 'holderKinds',
            width: 120,
            render: (kinds: string[]) => <KindTags kinds={kinds} />,
          },
          { title: t.validityRule, dataIndex: 'validity', width: 190, render: (v: LicenseType['validity']) => validityText(v, t) },
          { title: t.renewalService, dataIndex: 'renewalServiceCode', width: 250, render: (v: string | null) => (v ? <span className="mono">{v}</span> : <span className="subtle">{t.noRenewal}</span>) },
          { title: t.typeFields, dataIndex: 'fields', width: 290, render: (fields: LicenseType['fields']) => fields.map((f) => <Tag key={f.key}>{f.label}</Tag>) },
          { title: t.catalogueCode, dataIndex: 'catalogueCode', width: 230, render: (v: string) => <span className="mono">{v}</span> },
        ]}
      />
    </>
  );
}
