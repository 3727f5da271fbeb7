import { actsForDepartment, can, type Actor } from '../core/access/access.js';
import type { proofs } from './proof.schema.js';

type ProofAccessRow = Pick<typeof proofs.$inferSelect, 'holderId' | 'issuerDepartmentId' | 'requestedByDepartmentId'>;

/** True when the actor is the proof's holder, signed in to the portal. */
export function isProofHolder(actor: Actor, row: ProofAccessRow): boolean {
  return actor.kind === 'subject' && actor.id === row.holderId;
}

/**
 * Who may read a proof: its holder; staff with proof.read acting for the issuing department or for
 * the department whose window asked for it (the clerk hands it over); the platform itself.
 */
export function mayReadProof(actor: Actor, row: ProofAccessRow): boolean {
  if (isProofHolder(actor, row)) return true;
  if (actor.kind === 'subject' || !can(actor, 'proof.read')) return false;
  return actsForDepartment(actor, row.issuerDepartmentId) || (row.requestedByDepartmentId !== null && actsForDepartment(actor, row.requestedByDepartmentId));
}

/** Who may revoke a proof: staff with proof.issue acting for the department in whose name it was issued. */
export function mayRevokeProof(actor: Actor, row: ProofAccessRow): boolean {
  return actor.kind !== 'subject' && can(actor, 'proof.issue') && actsForDepartment(actor, row.issuerDepartmentId);
}

/** Who may have the signed document (with the ID number in full): its holder and the issuing department. */
export function mayTakeSignedProof(actor: Actor, row: ProofAccessRow): boolean {
  if (isProofHolder(actor, row)) return true;
  return actor.kind !== 'subject' && can(actor, 'proof.read') && actsForDepartment(actor, row.issuerDepartmentId);
}
