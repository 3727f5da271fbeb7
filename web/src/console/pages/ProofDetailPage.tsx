import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Space, Timeline, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api, errorText } from '../../shared/api';
import type { Department, Proof, RevokeProof } from '../../shared/contracts';
import { fill, formatTime } from '../../shared/format';
import { ProofStatusTag } from '../../shared/ProofParts';
import { ResourceList, useApplicantLineDepartments, useProofTypes } from '../proof-catalogue';
import { BackLink } from '../BackLink';
import { useProofMessages } from '../proof-messages';
import { ProofOverview } from '../ProofOverview';
import { useSession } from '../session';

/** The name of the department whose window asked for the proof, once loaded. */
function useDepartmentName(id: string | null | undefined): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    setName(null);
    if (!id) return;
    let live = true;
    api<Department>(`/api/v1/departments/${id}`).then(
      (d) => live && setName(d.name),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);
  return name;
}

/** 撤销: the issuing department withdraws a proof (issued on wrong data, or the facts changed), with a reason shown on verification. */
function RevokeButton({ proof, onDone }: { proof: Proof; onDone: (revoked: Proof) => void }) {
  const t = useProofMessages();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const body: RevokeProof = { reason: reason.trim() };
      const revoked = await api<Proof>(`/api/v1/proofs/${proof.id}/revoke`, { method: 'POST', body });
      setOpen(false);
      message.success(t.revoked);
      onDone(revoked);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="proof-revoke">
        {t.revoke}
      </Button>
      <Modal
        open={open}
        title={fill(t.revokeTitle, { name: proof.typeName, number: proof.number })}
        okText={t.revokeOk}
        okButtonProps={{ danger: true }}
        cancelText={t.cancel}
        confirmLoading={busy}
        onOk={() => void revoke()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t.revokeMeaning} description={t.revokeIrreversible} style={{ marginBottom: 12 }} />
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t.revokeReason} rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="revoke-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * 证明详情: the document's particulars and the facts it states, the data it was drawn from, who asked
 * for it and where, its history, the PDF and the QR code; the issuing department may revoke it.
 */
export default function ProofDetailPage() {
  const t = useProofMessages();
  const { id = '' } = useParams();
  const { me, can } = useSession();
  const { types } = useProofTypes();
  const [proof, setProof] = useState<Proof | null>(null);
  const lines = useApplicantLineDepartments(proof?.regionCode, me.scope.regionCode);
  const [error, setError] = useState<string | null>(null);
  const requestedBy = useDepartmentName(proof?.requestedByDepartmentId);

  // Only the latest load may set the page (a quick change of proof, or React running the effect twice in development).
  const latest = useRef(0);
  useEffect(() => {
    const mine = ++latest.current;
    setProof(null);
    setError(null);
    api<Proof>(`/api/v1/proofs/${id}`).then(
      (loaded) => mine === latest.current && setProof(loaded),
      (err: unknown) => mine === latest.current && setError(errorText(err)),
    );
  }, [id]);

  const type = types?.find((x) => x.code === proof?.typeCode);
  const ownDepartment = proof !== null && (me.scope.departmentIds.includes(proof.issuerDepartmentId) || me.staff?.departmentId === proof.issuerDepartmentId);
  const mayRevoke = ownDepartment && can('proof.issue') && proof?.status !== 'revoked';
  const requester = (p: Proof) =>
    p.requestedByKind === 'subject' ? t['requestedBy.subject'] : p.requestedByKind === 'staff' ? fill(t['requestedBy.staff'], { department: requestedBy ?? '…' }) : p.requestedByKind === 'api_key' ? fill(t['requestedBy.api_key'], { department: requestedBy ?? '…' }) : t['requestedBy.system'];

  return (
    <>
      <BackLink to="/proofs" label={t.back} />
      <div className="title-with-status">
        <Typography.Title level={1} className="page-title">
          {proof ? `${proof.typeName} · ${proof.number}` : t.detailTitle}
        </Typography.Title>
        {proof ? <ProofStatusTag proof={proof} className="status-tag-large" /> : null}
      </div>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {proof ? (
        <>
          {proof.status === 'revoked' ? <Alert type="error" showIcon title={t.revokedNote} style={{ marginBottom: 16 }} /> : null}
          {proof.status === 'expired' ? <Alert type="info" showIcon title={fill(t.expiredNote, { date: proof.validUntil })} style={{ marginBottom: 16 }} /> : null}
          {mayRevoke ? (
            <Space wrap style={{ marginBottom: 12 }} data-testid="proof-actions">
              <RevokeButton proof={proof} onDone={setProof} />
            </Space>
          ) : null}
          <ProofOverview
            proof={proof}
            extra={[
              { key: 'requestedBy', label: t.requestedBy, children: requester(proof) },
              { key: 'issuedAt', label: t.issuedAt, children: formatTime(proof.issuedAt) },
            ]}
          >
            <Col xs={24} lg={12}>
              <Card title={<h2 className="card-title">{t.basisTitle}</h2>} data-testid="proof-basis">
                <p className="subtle">{t.basisIntro}</p>
                <ResourceList resources={type?.resources ?? []} lines={lines} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="card-title">{t.historyTitle}</h2>} data-testid="proof-history">
                <Timeline
                  items={[
                    {
                      key: 'issue',
                      color: 'green',
                      content: (
                        <div>
                          <time className="subtle" dateTime={proof.issuedAt}>
                            {formatTime(proof.issuedAt)}
                          </time>
                          <div>
                            <strong>{t['event.issue']}</strong> · {proof.issuerName}
                          </div>
                          <div>{requester(proof)}</div>
                          <div>{fill(t.eventPurpose, { purpose: proof.purpose })}</div>
                        </div>
                      ),
                    },
                    ...(proof.status === 'expired' ? [{ key: 'expire', color: 'gray', content: <strong>{fill(t['event.expire'], { date: proof.validUntil })}</strong> }] : []),
                    ...(proof.status === 'revoked'
                      ? [
                          {
                            key: 'revoke',
                            color: 'red',
                            content: (
                              <div>
                                <strong>{t['event.revoke']}</strong>
                                {proof.statusReason ? <div>{fill(t.eventReason, { reason: proof.statusReason })}</div> : null}
                              </div>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
            </Col>
          </ProofOverview>
        </>
      ) : null}
    </>
  );
}
