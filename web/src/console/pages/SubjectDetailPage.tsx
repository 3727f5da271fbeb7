import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, errorText, queryString } from '../../shared/api';
import type { AuditEvent, Page, Subject } from '../../shared/contracts';
import { formatTime } from '../../shared/format';
import { useMessages } from '../messages';
import { useSession } from '../session';
import { regionLabel, useCountyNames } from '../useRegionNames';

/** One subject, masked (the read is audited with the search's purpose); full identifiers on request with a purpose. */
export default function SubjectDetailPage() {
  const t = useMessages();
  const { id = '' } = useParams();
  const location = useLocation();
  const purpose = (location.state as { purpose?: string } | null)?.purpose;
  const { can } = useSession();
  const counties = useCountyNames();
  const [subject, setSubject] = useState<Subject | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealOpen, setRevealOpen] = useState(false);
  const [revealed, setRevealed] = useState<{ idNumber: string | null; phone: string | null } | null>(null);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [form] = Form.useForm<{ purpose: string }>();

  useEffect(() => {
    api<Subject>(`/api/v1/subjects/${id}${queryString({ purpose })}`).then(setSubject, (e: unknown) => setError(errorText(e)));
    if (can('audit.read')) api<Page<AuditEvent>>(`/api/v1/audit${queryString({ subjectId: id, limit: 10 })}`).then((p) => setEvents(p.items), () => undefined);
  }, [id]);

  const reveal = async () => {
    const { purpose: why } = await form.validateFields();
    try {
      setRevealed(await api<{ idNumber: string | null; phone: string | null }>(`/api/v1/subjects/${id}/reveal`, { method: 'POST', body: { purpose: why } }));
      setRevealOpen(false);
    } catch (err) {
      setError(errorText(err));
      setRevealOpen(false);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/subjects">
          <ArrowLeftOutlined /> {t.back}
        </Link>
      </Space>
      <Typography.Title level={1} className="page-title">
        {t.subjectDetail}
      </Typography.Title>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {subject ? (
        <Card data-testid="subject-detail">
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t.name}>{subject.name}</Descriptions.Item>
            <Descriptions.Item label={t.subjectKind}>
              <Tag color={subject.kind === 'person' ? 'blue' : 'gold'}>{subject.kind === 'person' ? t.person : t.organization}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={subject.kind === 'person' ? t.idNumber : t.uscc}>
              <span className="mono">{subject.idNumber ?? subject.uscc}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t.phone}>
              <span className="mono">{subject.phone ?? '—'}</span>
            </Descriptions.Item>
            {subject.kind === 'person' ? (
              <>
                <Descriptions.Item label={t.sex}>{subject.sex === 'male' ? t.male : subject.sex === 'female' ? t.female : '—'}</Descriptions.Item>
                <Descriptions.Item label={t.birthDate}>{subject.birthDate ?? '—'}</Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t.legalRepresentative}>{subject.legalRepresentative ?? '—'}</Descriptions.Item>
            )}
            <Descriptions.Item label={t.region}>{regionLabel(subject.regionCode, counties)}</Descriptions.Item>
            <Descriptions.Item label={t.createdAt}>{formatTime(subject.createdAt)}</Descriptions.Item>
          </Descriptions>
          {can('subject.reveal') ? (
            <Button icon={<EyeOutlined />} style={{ marginTop: 16 }} onClick={() => setRevealOpen(true)}>
              {t.reveal}
            </Button>
          ) : null}
          {revealed ? (
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              title={t.revealed}
              description={
                <div>
                  <div className="mono">{revealed.idNumber ?? subject.uscc}</div>
                  <div className="mono">{revealed.phone ?? '—'}</div>
                  <div>{t.revealNote}</div>
                </div>
              }
            />
          ) : null}
        </Card>
      ) : null}
      {events.length ? (
        <Card style={{ marginTop: 16 }} title={<h2 className="card-title">{t.subjectAudit}</h2>}>
          <Table<AuditEvent>
            rowKey="seq"
            size="small"
            pagination={false}
            dataSource={events}
            scroll={{ x: 640 }}
            columns={[
              { title: t.time, dataIndex: 'occurredAt', width: 150, render: (v: string) => formatTime(v) },
              { title: t.actor, dataIndex: 'actorName', width: 140 },
              { title: t.action, dataIndex: 'action', width: 140, render: (v: string) => <code>{v}</code> },
              { title: t.purpose, dataIndex: 'purpose', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      ) : null}
      <Modal open={revealOpen} title={t.reveal} onOk={() => void reveal()} onCancel={() => setRevealOpen(false)} okText={t.ok} cancelText={t.cancel} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="purpose" label={t.revealPurpose} rules={[{ required: true, min: 2, message: t.required }]}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
