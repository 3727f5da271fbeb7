import { SearchOutlined } from '@ant-design/icons';
import { Alert, Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorText } from '../../shared/api';
import type { ProofType } from '../../shared/contracts';
import { fill } from '../../shared/format';
import { KindTags } from '../KindTags';
import { useLineDepartments } from '../license-catalogue';
import { useMessages } from '../messages';
import { ResourceList, useProofTypes } from '../proof-catalogue';
import { useProofMessages } from '../proof-messages';
import { useSession } from '../session';

/** 证明目录: every proof type with the line that issues it, to whom, the data it is drawn from and how long it is valid. */
export default function ProofTypesPage() {
  const t = useProofMessages();
  const c = useMessages();
  const { me } = useSession();
  const { types, error } = useProofTypes();
  const lines = useLineDepartments(me.scope.regionCode);
  const [q, setQ] = useState('');
  const [line, setLine] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const lineName = (code: string) => lines.get(code) ?? code;
  const lineOptions = useMemo(() => [...new Set((types ?? []).map((x) => x.issuingLine))].map((code) => ({ value: code, label: lines.get(code) ?? code })), [types, lines]);
  const text = q.trim();
  const shown = (types ?? []).filter(
    (x) => (!line || x.issuingLine === line) && (!kind || x.holderKinds.some((k) => k === kind)) && (!text || x.name.includes(text) || x.code.includes(text.toLowerCase()) || x.resources.some((r) => r.name.includes(text))),
  );
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t.typesTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.typesIntro}</Typography.Paragraph>
      <Space wrap className="filters" aria-label={c.filterLabel}>
        <Input allowClear prefix={<SearchOutlined aria-hidden />} placeholder={t.typeSearch} aria-label={t.typeSearch} style={{ width: 240 }} onChange={(e) => setQ(e.target.value)} data-testid="proof-type-search" />
        <Select allowClear placeholder={t.issuingLine} aria-label={t.issuingLine} style={{ width: 240 }} options={lineOptions} value={line} onChange={setLine} />
        <Select
          allowClear
          placeholder={t.holderKinds}
          aria-label={t.holderKinds}
          style={{ width: 150 }}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'person', label: c.person },
            { value: 'organization', label: c.organization },
          ]}
        />
        <span aria-live="polite">{types ? `${shown.length} / ${types.length}` : ''}</span>
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Table<ProofType>
        rowKey="code"
        size="middle"
        loading={types === null}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 1180 }}
        data-testid="proof-types-table"
        columns={[
          {
            title: t.typeName,
            dataIndex: 'name',
            width: 300,
            fixed: 'left',
            render: (name: string, x) => (
              <div>
                <strong>{name}</strong>
                <div className="subtle">{x.description}</div>
                <div className="mono subtle">{x.code}</div>
              </div>
            ),
          },
          { title: t.issuingLine, dataIndex: 'issuingLine', width: 200, render: (v: string) => lineName(v) },
          {
            title: t.holderKinds,
            dataIndex: 'holderKinds',
            width: 120,
            render: (kinds: string[]) => <KindTags kinds={kinds} />,
          },
          {
            title: t.resources,
            dataIndex: 'resources',
            width: 360,
            render: (resources: ProofType['resources']) => <ResourceList resources={resources} lines={lines} />,
          },
          { title: t.validityDays, dataIndex: 'validityDays', width: 110, render: (n: number) => fill(t.daysN, { n }) },
        ]}
      />
    </>
  );
}
