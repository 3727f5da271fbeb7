import { count } from 'drizzle-orm';
import { systemActor } from '../core/access/access.js';
import { contextFor, type Deps } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { actorFromStaff, findStaffByUsername, listSubjectRowsAfter } from '../registry/index.js';
import { seedProofTypes } from './proof-type.service.js';
import { proofs } from './proof.schema.js';
import { issueProof, revokeProof } from './proof.service.js';

/** The proof-type catalogue. Idempotent; run at every start beside the licence catalogue. */
export async function seedProofing(deps: Deps): Promise<{ proofTypes: number }> {
  return { proofTypes: await seedProofTypes(deps) };
}

const PERSON_DEMO = ['no_criminal_record', 'residence', 'marital_status', 'social_insurance', 'no_property'] as const;
const ORGANIZATION_DEMO = ['market_entity_registration', 'enterprise_credit', 'tax_clearance'] as const;

/**
 * A few proofs issued at the demo's first start (the data records must be seeded first) by the
 * municipal service centre's demo clerk, so the console's list and the holders' who-read-my-data
 * are not empty; whatever the records refuse is simply not issued. One is revoked. Returns how many were issued.
 */
export async function seedDemoProofs(deps: Deps, persons = 30, organizations = 10): Promise<number> {
  const [existing] = await deps.db.select({ n: count() }).from(proofs);
  if ((existing?.n ?? 0) > 0) return 0;
  const clerk = await findStaffByUsername(deps.db, 'clerk.zwzx');
  const ctx = contextFor(deps, clerk ? actorFromStaff(clerk) : systemActor);
  const subjects = await listSubjectRowsAfter(deps.db, null, 2_000);
  const holders = [...subjects.filter((s) => s.kind === 'person').slice(0, persons), ...subjects.filter((s) => s.kind === 'organization').slice(0, organizations)];
  let issued = 0;
  let firstId: string | null = null;
  for (const [i, holder] of holders.entries()) {
    const codes = holder.kind === 'organization' ? ORGANIZATION_DEMO : PERSON_DEMO;
    const typeCode = codes[i % codes.length] ?? codes[0];
    try {
      const proof = await issueProof(ctx, { typeCode, holderId: holder.id, purpose: '演示数据：窗口代为开具' });
      firstId ??= proof.id;
      issued += 1;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'refused')) throw err;
    }
  }
  if (firstId) await revokeProof(contextFor(deps, systemActor), firstId, '演示：申请人信息变更，原证明撤销');
  return issued;
}
