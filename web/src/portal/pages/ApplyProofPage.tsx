import { ArrowLeftOutlined, CheckCircleFilled, ExclamationCircleFilled, ExportOutlined, FileDoneOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api';
import type { PortalIssueProof, Proof, ProofType } from '../../shared/contracts';
import { fill } from '../../shared/format';
import { Loading } from '../../shared/Loading';
import { refusalReason } from '../../shared/ProofParts';
import { useProofWords } from '../../shared/proof-messages';
import { PurposeChooser } from '../../shared/PurposeChooser';
import { QrCode } from '../../shared/QrCode';
import { useCatalogue } from '../../shared/useCatalogue';
import { useMessages } from '../messages';
import { usePortalSession } from '../portal-session';
import { ProofCard } from '../ProofCard';
import { useProofPortalMessages } from '../proof-messages';
import { useWalletSubject } from '../WalletParts';

type Outcome = { issued: Proof } | { refused: string };

/** The proofs people ask for most, listed first for persons and for organisations; the rest follow in catalogue order. */
const COMMON_PROOFS = ['residence', 'no_criminal_record', 'household_registration', 'marital_status', 'social_insurance', 'no_property', 'market_entity_registration', 'enterprise_credit', 'tax_clearance'];

/** Proof types to tap, each with what it proves and how long it is valid. */
function TypeChoices({ types, onChoose, label }: { types: ProofType[]; onChoose: (type: ProofType) => void; label: string }) {
  const t = useProofPortalMessages();
  return (
    <ul className="proof-type-list" aria-label={label}>
      {types.map((x) => (
        <li key={x.code}>
          <button type="button" className="proof-type-choice" onClick={() => onChoose(x)}>
            <strong>{x.name}</strong>
            <span>{x.description}</span>
            <span className="subtle">{fill(t.validFor, { n: x.validityDays })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * 开具证明 in the portal: the proofs the chosen subject can ask for (a person's or an organisation's),
 * one tap on a proof, one on a common purpose, and it is issued from the departments' data; the proof
 * comes with a large 下载 PDF button and its QR code. A refusal says why, kindly, and where to go instead.
 */
export default function ApplyProofPage() {
  const c = useMessages();
  const t = useProofPortalMessages();
  const w = useProofWords();
  const navigate = useNavigate();
  const { me } = usePortalSession();
  const [subjectId, setSubjectId] = useWalletSubject();
  const subject = me.subjects.find((s) => s.id === subjectId);
  const { items: types, error: typesError } = useCatalogue<ProofType>('/api/v1/portal/proof-types');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<ProofType | null>(null);
  const [purpose, setPurpose] = useState<string | undefined>();
  const [missingPurpose, setMissingPurpose] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const text = q.trim();
  const offered = (types ?? []).filter((x) => subject && x.holderKinds.some((k) => k === subject.kind) && (!text || x.name.includes(text) || x.description.includes(text)));
  const common = text ? [] : COMMON_PROOFS.flatMap((code) => offered.filter((x) => x.code === code));
  const others = offered.filter((x) => !common.includes(x));
  const choose = (type: ProofType | null) => {
    setChosen(type);
    setPurpose(undefined);
    setMissingPurpose(false);
    setError(null);
    setOutcome(null);
    window.scrollTo({ top: 0 });
  };
  const apply = async () => {
    const stated = purpose?.trim();
    if (!chosen || !subject) return;
    if (!stated) {
      setMissingPurpose(true);
      return;
    }
    setBusy(true);
    setError(null);
    const body: PortalIssueProof = { subjectId: subject.id, typeCode: chosen.code, purpose: stated };
    try {
      setOutcome({ issued: await api<Proof>('/api/v1/portal/proofs', { method: 'POST', body }) });
    } catch (err) {
      const reason = refusalReason(err);
      if (reason === null) setError(errorText(err));
      else setOutcome({ refused: reason });
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <Link to={`/proofs?subject=${subjectId}`} className="back-link">
      <ArrowLeftOutlined /> {t.back}
    </Link>
  );

  if (chosen && outcome && 'issued' in outcome) {
    const proof = outcome.issued;
    return (
      <>
        {back}
        <div className="proof-outcome ok" role="status" data-testid="proof-issued">
          <CheckCircleFilled aria-hidden className="proof-outcome-icon" />
          <h1>{fill(t.issuedTitle, { name: proof.typeName })}</h1>
          <p>{t.issuedIntro}</p>
        </div>
        <ProofCard proof={proof} />
        <Card className="wallet-qr">
          <QrCode value={`${window.location.origin}${proof.verificationUrl}`} size={200} label={w.qrAlt} testId="proof-qr" />
          <p className="qr-caption">
            {w.verificationCode} <span className="mono" data-testid="verification-code">{proof.verificationCode}</span>
          </p>
          <p className="subtle">{t.scanToVerify}</p>
          <Button size="large" block icon={<ExportOutlined />} href={proof.verificationUrl} target="_blank" rel="noopener">
            {w.openPublicPage}
          </Button>
        </Card>
        <div className="proof-fact-list">
          <h2>{w.facts}</h2>
          <dl className="wallet-facts">
            {proof.fields.map((f) => (
              <div key={f.key}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </div>
        <Link to={`/proofs?subject=${subjectId}`} className="proof-to-list">
          {t.toList}
        </Link>
      </>
    );
  }

  if (chosen && outcome && 'refused' in outcome) {
    return (
      <>
        {back}
        <div className="proof-outcome refused" role="alert" data-testid="proof-refused">
          <ExclamationCircleFilled aria-hidden className="proof-outcome-icon" />
          <h1>{fill(t.refusedTitle, { name: chosen.name })}</h1>
          <p className="proof-outcome-reason">{fill(t.refusedWhy, { reason: outcome.refused })}</p>
          <p>{t.refusedAdvice}</p>
        </div>
        <Button size="large" block onClick={() => choose(null)} style={{ marginBottom: 12 }}>
          {t.chooseOther}
        </Button>
        <Button size="large" block onClick={() => navigate(`/proofs?subject=${subjectId}`)}>
          {t.back}
        </Button>
      </>
    );
  }

  return (
    <>
      {back}
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 8 }}>
        {t.apply}
      </Typography.Title>
      {me.subjects.length > 1 ? (
        <Segmented
          block
          aria-label={c.whose}
          value={subjectId}
          onChange={(v) => {
            setSubjectId(String(v));
            choose(null);
          }}
          options={me.subjects.map((s) => ({ value: s.id, label: s.name }))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {chosen ? (
        <Card className="proof-apply-card" data-testid="proof-apply-form">
          <h2>{chosen.name}</h2>
          <p>{chosen.description}</p>
          <p className="subtle">
            {fill(t.validFor, { n: chosen.validityDays })} · {fill(t.draws, { resources: chosen.resources.map((r) => r.name).join(t.listJoin) })}
          </p>
          <fieldset className="proof-purpose">
            <legend>{t.purposeQuestion}</legend>
            <PurposeChooser
              value={purpose}
              onChange={(p) => {
                setPurpose(p);
                setMissingPurpose(false);
              }}
              size="large"
              label={t.purposeQuestion}
            />
            <p className="subtle">{t.purposeNote}</p>
            {missingPurpose ? <Alert type="warning" showIcon title={t.purposeRequired} role="alert" /> : null}
          </fieldset>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
          <Button type="primary" size="large" block icon={<FileDoneOutlined />} loading={busy} onClick={() => void apply()} data-testid="proof-apply-submit">
            {t.submit}
          </Button>
          <Button type="link" block onClick={() => choose(null)} style={{ marginTop: 8 }}>
            {t.chooseOther}
          </Button>
        </Card>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t.applyIntro}</Typography.Paragraph>
          <Input size="large" allowClear prefix={<SearchOutlined aria-hidden />} placeholder={t.search} aria-label={t.search} value={q} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 12 }} />
          {typesError ? <Alert type="error" showIcon title={errorText(typesError)} style={{ marginBottom: 12 }} /> : null}
          {types === null ? (
            <Loading />
          ) : offered.length === 0 ? (
            <Empty description={t.noMatch} />
          ) : (
            <div data-testid="proof-types">
              {common.length > 0 ? (
                <>
                  <h2 className="proof-type-group">{t.commonProofs}</h2>
                  <TypeChoices types={common} onChoose={choose} label={t.commonProofs} />
                  <h2 className="proof-type-group">{t.otherProofs}</h2>
                </>
              ) : null}
              <TypeChoices types={others} onChoose={choose} label={common.length > 0 ? t.otherProofs : t.apply} />
            </div>
          )}
        </>
      )}
    </>
  );
}
