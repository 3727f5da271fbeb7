import { FileDoneOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorText } from '../../shared/api';
import type { IssueProof, Proof, ProofType, Subject } from '../../shared/contracts';
import { fill } from '../../shared/format';
import { refusalReason } from '../../shared/ProofParts';
import { useProofWords } from '../../shared/proof-messages';
import { PurposeChooser } from '../../shared/PurposeChooser';
import { useApplicantLineDepartments, useProofTypes } from '../proof-catalogue';
import { BackLink } from '../BackLink';
import { useProofMessages } from '../proof-messages';
import { ProofOverview } from '../ProofOverview';
import { useSession } from '../session';
import { SubjectPicker } from '../SubjectPicker';

interface IssueForm {
  holder?: Subject | null;
  typeCode?: string;
  purpose?: string;
}

/**
 * 开具证明 at a window: find the applicant, choose the proof (only those issued to its kind), say
 * what it is for. The server decides from the departments' data: the proof is issued in the name of
 * the department responsible for the applicant's county, whichever window asks, or it is refused
 * with the reason (不予开具), which is shown as such, not as an error.
 */
export default function IssueProofPage() {
  const t = useProofMessages();
  const w = useProofWords();
  const { message } = App.useApp();
  const { me } = useSession();
  const { types } = useProofTypes();
  const [form] = Form.useForm<IssueForm>();
  const holder = Form.useWatch('holder', form);
  const typeCode = Form.useWatch('typeCode', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ type: ProofType; reason: string } | null>(null);
  const [issued, setIssued] = useState<Proof | null>(null);
  // After a proof is issued the form starts again, for the same applicant or a new one.
  const [round, setRound] = useState({ n: 0, holder: null as Subject | null });
  const lines = useApplicantLineDepartments(holder?.regionCode, me.scope.regionCode);
  const offered = (types ?? []).filter((x) => !holder || x.holderKinds.includes(holder.kind));
  const type = offered.find((x) => x.code === typeCode);

  useEffect(() => {
    // Another applicant: a type not issued to its kind is cleared.
    if (holder && typeCode && !offered.some((x) => x.code === typeCode)) form.setFieldsValue({ typeCode: undefined });
  }, [holder?.id]);

  const submit = async (v: IssueForm) => {
    const purpose = v.purpose?.trim();
    if (!v.holder || !type || !purpose) return;
    setBusy(true);
    setError(null);
    setRefused(null);
    const body: IssueProof = { typeCode: type.code, holderId: v.holder.id, purpose };
    try {
      const proof = await api<Proof>('/api/v1/proofs', { method: 'POST', body });
      setIssued(proof);
      message.success(fill(t.issued, { name: proof.typeName, number: proof.number }));
    } catch (err) {
      const reason = refusalReason(err);
      if (reason === null) setError(errorText(err));
      else setRefused({ type, reason });
    } finally {
      setBusy(false);
    }
  };
  const startAgain = (keepHolder: boolean) => {
    setIssued(null);
    setRefused(null);
    setError(null);
    setRound((r) => ({ n: r.n + 1, holder: keepHolder ? (holder ?? null) : null }));
  };

  return (
    <>
      <BackLink to="/proofs" label={t.back} />
      <Typography.Title level={1} className="page-title">
        {t.issueTitle}
      </Typography.Title>
      {issued ? (
        <>
          <Alert
            type="success"
            showIcon
            role="status"
            title={fill(t.issuedTitle, { name: issued.typeName })}
            description={fill(t.issuedDetail, { number: issued.number, issuer: issued.issuerName, until: issued.validUntil })}
            style={{ marginBottom: 12 }}
            data-testid="proof-issued"
          />
          <Space wrap style={{ marginBottom: 16 }}>
            <Link to={`/proofs/${issued.id}`}>{t.openDetail}</Link>
            <Button onClick={() => startAgain(true)}>{t.againSameHolder}</Button>
            <Button onClick={() => startAgain(false)}>{t.againNewHolder}</Button>
          </Space>
          <ProofOverview proof={issued} />
        </>
      ) : (
        <Card className="form-card">
          <Typography.Paragraph type="secondary">{t.issueIntro}</Typography.Paragraph>
          <Form<IssueForm>
            key={round.n}
            form={form}
            layout="vertical"
            initialValues={{ holder: round.holder }}
            onFinish={(v) => void submit(v)}
            onValuesChange={() => setRefused(null)}
            scrollToFirstError
          >
            <Form.Item name="holder" label={w.holder} rules={[{ required: true, message: t.holderRequired }]}>
              <SubjectPicker purpose={type ? fill(t.findPurposeType, { name: type.name }) : t.findPurpose} kinds={type?.holderKinds} />
            </Form.Item>
            <Form.Item name="typeCode" label={t.chooseType} rules={[{ required: true, message: t.chooseTypeRequired }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={holder ? t.chooseTypeHint : t.chooseHolderFirst}
                loading={types === null}
                options={offered.map((x) => ({ value: x.code, label: x.name }))}
                data-testid="proof-type"
              />
            </Form.Item>
            {type ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="proof-type-summary"
                title={type.description}
                description={
                  <>
                    <div>{fill(holder ? t.typeIssuer : t.typeIssuerLine, { department: lines.get(type.issuingLine) ?? type.issuingLine })}</div>
                    <div>{fill(t.typeResources, { resources: type.resources.map((r) => r.name).join(t.listJoin) })}</div>
                    <div>{fill(t.typeValidity, { n: type.validityDays })}</div>
                  </>
                }
              />
            ) : null}
            <Form.Item name="purpose" label={w.purpose} extra={t.purposeHint} rules={[{ required: true, whitespace: true, message: t.purposeRequired }]}>
              <PurposeChooser label={w.purpose} />
            </Form.Item>
            {refused ? (
              <Alert
                type="error"
                showIcon
                icon={<StopOutlined />}
                role="alert"
                className="proof-refused"
                style={{ marginBottom: 16 }}
                data-testid="proof-refused"
                title={fill(t.refusedTitle, { name: refused.type.name })}
                description={
                  <>
                    <p className="refusal-reason">{refused.reason}</p>
                    <p>{fill(t.refusedBasis, { resources: refused.type.resources.map((r) => r.name).join(t.listJoin) })}</p>
                    <p>{t.refusedAdvice}</p>
                  </>
                }
              />
            ) : null}
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
            <Button type="primary" htmlType="submit" icon={<FileDoneOutlined />} loading={busy} size="large" data-testid="proof-issue-submit">
              {t.issueSubmit}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
