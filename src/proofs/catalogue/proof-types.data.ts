import { ASSISTANCE_PROOFS } from './assistance.rules.js';
import { CIVIL_STATUS_PROOFS } from './civil-status.rules.js';
import { CLEAN_RECORD_PROOFS } from './clean-record.rules.js';
import { ENTERPRISE_PROOFS } from './enterprise.rules.js';
import { HOUSEHOLD_PROOFS } from './household.rules.js';
import { PROPERTY_PROOFS } from './property.rules.js';
import type { ProofTypeDefinition } from './proof-type.definition.js';
import { SOCIAL_SECURITY_PROOFS } from './social-security.rules.js';
import { STATUS_PROOFS } from './status.rules.js';
import { TAX_PROOFS } from './tax.rules.js';
import { TRAFFIC_PROOFS } from './traffic.rules.js';

/**
 * Every proof type (证明事项) the platform issues from data, by family. The order is the catalogue
 * order; appending keeps the GB/T 36904 type codes of earlier types unchanged.
 */
export const PROOF_TYPES: readonly ProofTypeDefinition[] = [
  ...HOUSEHOLD_PROOFS,
  ...CLEAN_RECORD_PROOFS,
  ...CIVIL_STATUS_PROOFS,
  ...PROPERTY_PROOFS,
  ...TAX_PROOFS,
  ...SOCIAL_SECURITY_PROOFS,
  ...ASSISTANCE_PROOFS,
  ...STATUS_PROOFS,
  ...ENTERPRISE_PROOFS,
  ...TRAFFIC_PROOFS,
];

const byCode = new Map(PROOF_TYPES.map((t) => [t.code, t]));

/** A proof type's definition (with its rule) by code. */
export function proofTypeDefinition(code: string): ProofTypeDefinition | undefined {
  return byCode.get(code);
}
