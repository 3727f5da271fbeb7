/** Proof statuses: `valid` and `revoked` are stored; a valid proof past its last day reads as `expired`. */
export const PROOF_STATUSES = {
  valid: { zh: '有效' },
  /** 撤销: withdrawn by the issuing department (issued in error, or the facts changed). */
  revoked: { zh: '已撤销' },
  expired: { zh: '已过有效期' },
} as const;

/** A proof's status as shown: valid, revoked or expired. */
export type ProofStatus = keyof typeof PROOF_STATUSES;

/** The status a proof has today. */
export function proofStatus(status: string, validUntil: string, today: string): ProofStatus {
  if (status === 'revoked') return 'revoked';
  return validUntil < today ? 'expired' : 'valid';
}

/** The last valid day of a proof valid for `days` days from `issuedOn` (the day of issue counts). */
export function proofValidUntil(issuedOn: string, days: number): string {
  const d = new Date(`${issuedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Math.max(1, days) - 1);
  return d.toISOString().slice(0, 10);
}
