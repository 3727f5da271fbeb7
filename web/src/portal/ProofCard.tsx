import type { Proof } from '../shared/contracts';
import { fill } from '../shared/format';
import { ProofPdfButtons, ProofStatusTag } from '../shared/ProofParts';
import { useProofWords } from '../shared/proof-messages';
import { useProofPortalMessages } from './proof-messages';

/** One proof as its holder sees it: name and status, number, issuer, validity and purpose, why it ended, and the PDF. */
export function ProofCard({ proof, headingLevel = 2 }: { proof: Proof; headingLevel?: 2 | 3 }) {
  const w = useProofWords();
  const t = useProofPortalMessages();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={`wallet-card standing-${proof.status}`} data-testid="proof-card">
      <div className="wallet-card-head">
        <Heading>{proof.typeName}</Heading>
        <ProofStatusTag proof={proof} className="wallet-status" />
      </div>
      <dl className="wallet-facts">
        <div>
          <dt>{w.number}</dt>
          <dd className="mono">{proof.number}</dd>
        </div>
        <div>
          <dt>{w.issuer}</dt>
          <dd>{proof.issuerName}</dd>
        </div>
        <div>
          <dt>{w.validity}</dt>
          <dd>
            <span className="nowrap">{proof.issuedOn}</span> – <span className="nowrap">{proof.validUntil}</span>
          </dd>
        </div>
        <div>
          <dt>{w.purpose}</dt>
          <dd>{proof.purpose}</dd>
        </div>
      </dl>
      {proof.status === 'revoked' ? <p className="wallet-note ended">{fill(t.revokedNote, { reason: proof.statusReason ?? '' })}</p> : null}
      {proof.status === 'expired' ? <p className="wallet-note">{t.expiredNote}</p> : null}
      {proof.status === 'valid' ? (
        <div className="proof-card-actions">
          <ProofPdfButtons href={`/api/v1/portal/proofs/${proof.id}/pdf`} proof={proof} size="large" block />
        </div>
      ) : null}
    </div>
  );
}
