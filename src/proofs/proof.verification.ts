import { eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { maskName } from '../core/crypto/masking.js';
import type { Db } from '../core/db/database.js';
import { chinaDate, type PublicDocumentView, type RegistryLookup } from '../licenses/index.js';
import { PROOF_STATUSES, proofStatus } from './proof-status.js';
import { proofs } from './proof.schema.js';

/** The proof registry's lookup for POST /api/v1/verify: status, digest and last day of a proof by identifier. */
export const lookupProof: RegistryLookup = async (db, identifier) => {
  const [row] = await db
    .select({ status: proofs.status, statusReason: proofs.statusReason, digest: proofs.documentDigest, validUntil: proofs.validUntil })
    .from(proofs)
    .where(eq(proofs.identifier, identifier));
  return row ? { ...row, statusLabel: row.status === 'revoked' ? '撤销' : PROOF_STATUSES.valid.zh } : undefined;
};

/**
 * What the public page /v/{code} shows of a proof: its name, number, issuer and dates, the status
 * today, and the one-line statement and purpose; the holder's name masked for persons, never the ID number.
 */
export async function publicProofView(db: Db, clock: Clock, code: string): Promise<PublicDocumentView | undefined> {
  if (!/^[0-9A-Z]{6,16}$/.test(code)) return undefined;
  const [row] = await db.select().from(proofs).where(eq(proofs.verificationCode, code));
  if (!row) return undefined;
  const status = proofStatus(row.status, row.validUntil, chinaDate(clock.now()));
  return {
    kind: 'proof',
    name: row.document.name,
    number: row.number,
    holderName: row.holderKind === 'person' ? maskName(row.holderName) : row.holderName,
    issuerName: row.issuerName,
    issuedOn: row.issuedOn,
    validFrom: row.issuedOn,
    validUntil: row.validUntil,
    status,
    statusLabel: PROOF_STATUSES[status].zh,
    fields: [
      { label: '证明内容', value: row.summary },
      { label: '用途', value: row.purpose },
    ],
  };
}
