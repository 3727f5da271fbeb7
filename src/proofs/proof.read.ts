import { and, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import { assertCan } from '../core/access/access.js';
import { recordAudit } from '../core/audit/audit.service.js';
import type { Ctx } from '../core/context.js';
import { AppError, invalid } from '../core/errors.js';
import { isUuid } from '../core/ids/uuid.js';
import { dataResource, isResourceCode } from '../exchange/index.js';
import { chinaDate, envelope, type SignedDocument } from '../licenses/index.js';
import { renderDocumentPdf } from './pdf/document.render.js';
import { mayReadProof, mayTakeSignedProof } from './proof.access.js';
import type { ProofListQuery, ProofTypeView, ProofView } from './proof.contract.js';
import { printableProof, type ProofDocument } from './proof-document.js';
import { PROOF_STATUSES, proofStatus } from './proof-status.js';
import type { ProofTypeRow } from './proof-type.service.js';
import { proofs } from './proof.schema.js';
import type { ProofRow } from './proof.service.js';

/** Presents a proof type with the names of the data it draws on. */
export function presentProofType(row: ProofTypeRow): ProofTypeView {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    catalogueCode: row.catalogueCode,
    issuingLine: row.issuingLine,
    holderKinds: row.holderKinds.filter((k): k is 'person' | 'organization' => k === 'person' || k === 'organization'),
    resources: row.resources.filter(isResourceCode).map((code) => {
      const r = dataResource(code);
      return { code, name: r.name, holdingLine: r.holdingLine };
    }),
    validityDays: row.validityDays,
    fields: row.fields,
    template: row.template,
  };
}

/** Presents a proof; `today` decides whether a valid one has expired. */
export function presentProof(row: ProofRow, today: string): ProofView {
  const status = proofStatus(row.status, row.validUntil, today);
  return {
    id: row.id,
    identifier: row.identifier,
    number: row.number,
    typeCode: row.typeCode,
    typeName: row.document.name,
    holderId: row.holderId,
    holderKind: row.holderKind === 'organization' ? 'organization' : 'person',
    holderName: row.holderName,
    holderCode: row.holderCode,
    issuerDepartmentId: row.issuerDepartmentId,
    issuerName: row.issuerName,
    issuerCode: row.issuerCode,
    regionCode: row.regionCode,
    purpose: row.purpose,
    summary: row.summary,
    fields: row.document.fields,
    paragraphs: row.document.paragraphs,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    status,
    statusLabel: PROOF_STATUSES[status].zh,
    statusReason: row.statusReason,
    verificationCode: row.verificationCode,
    verificationUrl: `/v/${row.verificationCode}`,
    requestedByKind: row.requestedByKind,
    requestedByDepartmentId: row.requestedByDepartmentId,
    issuedAt: row.issuedAt.toISOString(),
  };
}

/**
 * A proof the actor may read (its holder, the issuing department, the department whose window asked
 * for it); anything else is 404, never a hint that it exists. Staff reads are audited with the holder,
 * so they appear in the holder's who-read-my-data.
 */
async function loadReadable(ctx: Ctx, id: string, action: string): Promise<ProofRow> {
  const [row] = isUuid(id) ? await ctx.db.select().from(proofs).where(eq(proofs.id, id)) : [];
  if (!row || !mayReadProof(ctx.actor, row)) throw new AppError('not_found', `proof ${id} not found`);
  await recordAudit(ctx.db, ctx, { action, targetType: 'proof', targetId: row.id, subjectIds: [row.holderId], payload: { number: row.number } });
  return row;
}

/** One proof. */
export async function getProof(ctx: Ctx, id: string): Promise<ProofView> {
  return presentProof(await loadReadable(ctx, id, 'proof.read'), chinaDate(ctx.clock.now()));
}

/**
 * Proofs, newest first: a portal subject sees its own; staff see those issued in the name of their
 * departments or asked for at their windows (proof.read); the platform sees all. Staff lists are audited.
 */
export async function listProofs(ctx: Ctx, q: ProofListQuery): Promise<{ items: ProofView[]; nextCursor: string | null }> {
  const where: SQL[] = [];
  if (ctx.actor.kind === 'subject') {
    where.push(eq(proofs.holderId, ctx.actor.id));
  } else {
    assertCan(ctx.actor, 'proof.read');
    if (ctx.actor.kind !== 'system') {
      const departments = [...new Set([...(ctx.actor.departmentId ? [ctx.actor.departmentId] : []), ...ctx.actor.scope.departmentIds])];
      if (departments.length === 0) return { items: [], nextCursor: null };
      const own = or(inArray(proofs.issuerDepartmentId, departments), inArray(proofs.requestedByDepartmentId, departments));
      if (own) where.push(own);
    }
  }
  if (q.holderId) where.push(eq(proofs.holderId, q.holderId));
  if (q.typeCode) where.push(eq(proofs.typeCode, q.typeCode));
  const today = chinaDate(ctx.clock.now());
  if (q.status === 'revoked') where.push(eq(proofs.status, 'revoked'));
  else if (q.status === 'valid') where.push(eq(proofs.status, 'valid'), gte(proofs.validUntil, today));
  else if (q.status === 'expired') where.push(eq(proofs.status, 'valid'), lt(proofs.validUntil, today));
  if (q.cursor) {
    if (!isUuid(q.cursor)) throw invalid([{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
    where.push(lt(proofs.id, q.cursor));
  }
  const rows = await ctx.db.select().from(proofs).where(and(...where)).orderBy(desc(proofs.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  if (ctx.actor.kind !== 'subject') {
    await recordAudit(ctx.db, ctx, { action: 'proof.search', targetType: 'proof', subjectIds: [...new Set(page.map((r) => r.holderId))], payload: { count: page.length, typeCode: q.typeCode ?? null, holderId: q.holderId ?? null } });
  }
  return { items: page.map((r) => presentProof(r, today)), nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * The signed document of a proof, with the holder's ID number in full, for its holder (to carry) or
 * the issuing department. Audited: it contains the ID number.
 */
export async function signedProofDocument(ctx: Ctx, id: string): Promise<SignedDocument<ProofDocument>> {
  const [row] = isUuid(id) ? await ctx.db.select().from(proofs).where(eq(proofs.id, id)) : [];
  if (!row || !mayTakeSignedProof(ctx.actor, row)) throw new AppError('not_found', `proof ${id} not found`);
  const holderCode = row.holderCodeCipher && row.keyId ? ctx.cipher.decrypt('holderCode', row.keyId, row.holderCodeCipher) : row.holderCode;
  await recordAudit(ctx.db, ctx, { action: 'proof.document', targetType: 'proof', targetId: row.id, subjectIds: [row.holderId], payload: { number: row.number } });
  return envelope('proof', { ...row.document, holderCode }, row.signingKeyId, row.signature);
}

/**
 * The proof as an A4 PDF (seal, QR code to `{publicUrl}/v/{code}`, verification code), rendered
 * from the stored document each time: the same proof always gives the same bytes. Audited.
 */
export async function proofPdf(ctx: Ctx, id: string, publicUrl: string): Promise<{ bytes: Uint8Array; filename: string }> {
  const row = await loadReadable(ctx, id, 'proof.pdf');
  const bytes = await renderDocumentPdf(printableProof(row.document, row.verificationCode, publicUrl));
  return { bytes, filename: `${row.document.name}-${row.number}.pdf` };
}

/** The holder of a proof (an id, nothing personal), so the portal can tell which of a session's subjects it belongs to. */
export async function findProofHolderId(ctx: Pick<Ctx, 'db'>, id: string): Promise<string | undefined> {
  const [row] = isUuid(id) ? await ctx.db.select({ holderId: proofs.holderId }).from(proofs).where(eq(proofs.id, id)) : [];
  return row?.holderId;
}
