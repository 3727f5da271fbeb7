import { asc, eq, sql } from 'drizzle-orm';
import { assertCan } from '../core/access/access.js';
import type { Ctx, Deps } from '../core/context.js';
import type { DbOrTx } from '../core/db/database.js';
import { listAllDepartments } from '../registry/index.js';
import { LICENSE_TYPES } from './catalogue/license-types.data.js';
import { licenseTypes } from './license.schema.js';

export type LicenseTypeRow = typeof licenseTypes.$inferSelect;

/**
 * Seeds the licence-type catalogue. The GB/T 36904 type code is the catalogue owner's USCC (here the
 * municipal department of the issuing line; demo values) followed by a 3-digit sequence. Idempotent.
 */
export async function seedLicenseTypes(deps: Deps): Promise<number> {
  const owners = new Map((await listAllDepartments(deps.db)).filter((d) => d.regionCode === '430900000000').map((d) => [d.line, d.uscc]));
  const sequence = new Map<string, number>();
  const now = deps.clock.now();
  const rows = LICENSE_TYPES.map((t) => {
    const owner = owners.get(t.issuingLine);
    if (!owner) throw new Error(`licence type ${t.code}: no municipal department of line ${t.issuingLine}`);
    const n = (sequence.get(owner) ?? 0) + 1;
    sequence.set(owner, n);
    return {
      code: t.code,
      name: t.name,
      catalogueCode: `${owner}${String(n).padStart(3, '0')}`,
      issuingLine: t.issuingLine,
      holderKinds: [...t.holderKinds],
      validity: t.validity,
      renewalServiceCode: t.renewalServiceCode,
      fields: [...t.fields],
      createdAt: now,
    };
  });
  await deps.db
    .insert(licenseTypes)
    .values(rows)
    .onConflictDoUpdate({
      target: licenseTypes.code,
      set: {
        name: sql`excluded.name`, catalogueCode: sql`excluded.catalogue_code`, issuingLine: sql`excluded.issuing_line`,
        holderKinds: sql`excluded.holder_kinds`, validity: sql`excluded.validity`, renewalServiceCode: sql`excluded.renewal_service_code`, fields: sql`excluded.fields`,
      },
    });
  return rows.length;
}

/** A licence type by code. */
export async function findLicenseType(db: DbOrTx, code: string): Promise<LicenseTypeRow | undefined> {
  const [row] = await db.select().from(licenseTypes).where(eq(licenseTypes.code, code));
  return row;
}

/** The catalogue, for the console and department systems. */
export async function listLicenseTypes(ctx: Ctx): Promise<LicenseTypeRow[]> {
  assertCan(ctx.actor, 'department.read');
  return ctx.db.select().from(licenseTypes).orderBy(asc(licenseTypes.issuingLine), asc(licenseTypes.code));
}
