import { asc, eq, sql } from 'drizzle-orm';
import type { Deps } from '../core/context.js';
import type { DbOrTx } from '../core/db/database.js';
import { listAllDepartments } from '../registry/index.js';
import { PROOF_TYPES } from './catalogue/proof-types.data.js';
import { proofTypes } from './proof.schema.js';

/** A row of the proof-type catalogue. */
export type ProofTypeRow = typeof proofTypes.$inferSelect;

/**
 * Seeds the proof-type catalogue from the definitions in code. The GB/T 36904 type code is the
 * municipal department of the issuing line (its USCC; demo values) followed by a sequence from 501,
 * clear of the licence types' 001… of the same owner. Idempotent.
 */
export async function seedProofTypes(deps: Deps): Promise<number> {
  const owners = new Map((await listAllDepartments(deps.db)).filter((d) => d.regionCode === '430900000000').map((d) => [d.line, d.uscc]));
  const sequence = new Map<string, number>();
  const now = deps.clock.now();
  const rows = PROOF_TYPES.map((t) => {
    const owner = owners.get(t.issuingLine);
    if (!owner) throw new Error(`proof type ${t.code}: no municipal department of line ${t.issuingLine}`);
    const n = (sequence.get(owner) ?? 500) + 1;
    sequence.set(owner, n);
    return {
      code: t.code,
      name: t.name,
      description: t.description,
      catalogueCode: `${owner}${n}`,
      issuingLine: t.issuingLine,
      holderKinds: [...t.holderKinds],
      resources: [...t.resources],
      validityDays: t.validityDays,
      fields: [...t.fields],
      template: [...t.template],
      createdAt: now,
    };
  });
  await deps.db
    .insert(proofTypes)
    .values(rows)
    .onConflictDoUpdate({
      target: proofTypes.code,
      set: {
        name: sql`excluded.name`, description: sql`excluded.description`, catalogueCode: sql`excluded.catalogue_code`, issuingLine: sql`excluded.issuing_line`,
        holderKinds: sql`excluded.holder_kinds`, resources: sql`excluded.resources`, validityDays: sql`excluded.validity_days`, fields: sql`excluded.fields`, template: sql`excluded.template`,
      },
    });
  return rows.length;
}

/** A proof type by code. */
export async function findProofType(db: DbOrTx, code: string): Promise<ProofTypeRow | undefined> {
  const [row] = await db.select().from(proofTypes).where(eq(proofTypes.code, code));
  return row;
}

/** The catalogue (public information: what can be proven and by whom), by issuing line. */
export async function listProofTypes(db: DbOrTx): Promise<ProofTypeRow[]> {
  return db.select().from(proofTypes).orderBy(asc(proofTypes.issuingLine), asc(proofTypes.code));
}
