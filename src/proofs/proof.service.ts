import { and, eq } from 'drizzle-orm';
import { assertCan, inRegionScope } from '../core/access/access.js';
import { appendAuditEvents, recordAudit } from '../core/audit/audit.service.js';
import type { Ctx } from '../core/context.js';
import { maskIdNumber } from '../core/crypto/masking.js';
import type { DbOrTx } from '../core/db/database.js';
import { AppError, invalid } from '../core/errors.js';
import { formatLicenseId } from '../core/ids/license-id.js';
import { isUuid, uuidv7 } from '../core/ids/uuid.js';
import { dataResource, findRecords, isResourceCode, type DataRecord, type DataRecordSet, type ResourceCode } from '../exchange/index.js';
import { canonicalDocument, chinaDate, departmentSigner, documentDigest, newVerificationCode, nextStatusListIndex, signWith } from '../licenses/index.js';
import { departmentIdOf, findDepartmentsById, findSubjectRow, subjectCode, type DepartmentRow, type SubjectRow } from '../registry/index.js';
import { cnDate, type ProofHolder } from './catalogue/proof-type.definition.js';
import { proofTypeDefinition } from './catalogue/proof-types.data.js';
import { missingGlyphs } from './pdf/font.loader.js';
import { mayReadProof, mayRevokeProof } from './proof.access.js';
import { holderCodeLabel, proofParagraphs, type ProofDocument } from './proof-document.js';
import { proofValidUntil } from './proof-status.js';
import { findProofType } from './proof-type.service.js';
import { proofEvents, proofs } from './proof.schema.js';

/** An issued proof as stored. */
export type ProofRow = typeof proofs.$inferSelect;

/** A request for a proof (开具证明). */
export interface IssueProofInput {
  typeCode: string;
  holderId: string;
  /** What the applicant needs it for (用途); printed on the proof and recorded with the data read. */
  purpose: string;
}

/** The purpose, trimmed and checked: required, at most 200 characters, printable in the document font. */
function checkedPurpose(raw: string): string {
  const purpose = raw.trim();
  if (!purpose) throw invalid([{ field: 'purpose', message: 'is required: say what the proof is for (用途)' }]);
  if ([...purpose].length > 200) throw invalid([{ field: 'purpose', message: 'must be at most 200 characters' }]);
  const missing = missingGlyphs(purpose);
  if (missing.length) throw invalid([{ field: 'purpose', message: `contains characters that cannot be printed: ${missing.join(' ')}` }]);
  return purpose;
}

/**
 * The department in whose name a proof of `line` is issued for a holder in `regionCode`: the county
 * counterpart where one exists, else the municipal department. Where the request was made does not
 * matter: that is the point of a certificate-free city (无证明城市).
 */
export async function responsibleDepartment(db: DbOrTx, line: string, regionCode: string): Promise<DepartmentRow> {
  const county = departmentIdOf(`${regionCode.slice(0, 6)}-${line}`);
  const city = departmentIdOf(`${regionCode.slice(0, 4)}00-${line}`);
  const found = await findDepartmentsById(db, [county, city]);
  const department = found.get(county) ?? found.get(city);
  if (!department) throw new AppError('unavailable', `no department of line ${line} is responsible for region ${regionCode}`);
  return department;
}

/**
 * The holder, checked against the actor: a portal subject only for itself; staff need proof.issue
 * and the holder in their region scope (else 404 and an access.denied event).
 */
async function loadHolder(ctx: Ctx, holderId: string): Promise<SubjectRow> {
  if (ctx.actor.kind === 'subject') {
    if (holderId !== ctx.actor.id) throw new AppError('forbidden', '只能为本人（本单位）申请证明 / you may only request proofs for yourself');
    const own = await findSubjectRow(ctx.db, holderId);
    if (!own) throw new AppError('not_found', `subject ${holderId} not found`);
    return own;
  }
  const holder = await findSubjectRow(ctx.db, holderId);
  if (holder && !inRegionScope(ctx.actor, holder.regionCode)) {
    await recordAudit(ctx.db, ctx, { action: 'access.denied', targetType: 'subject', targetId: holder.id, payload: { reason: 'region_scope', via: 'proof.issue' } });
  }
  if (!holder || !inRegionScope(ctx.actor, holder.regionCode)) throw new AppError('not_found', `subject ${holderId} not found`, [{ field: 'holderId', message: 'not found' }]);
  return holder;
}

/** What a rule may know of the holder. */
function proofHolder(row: SubjectRow): ProofHolder {
  return {
    kind: row.kind === 'organization' ? 'organization' : 'person',
    name: row.name,
    sex: row.sex === 'male' || row.sex === 'female' ? row.sex : null,
    birthDate: row.birthDate,
    regionCode: row.regionCode,
    legalRepresentative: row.legalRepresentative,
  };
}

/** The records found, in the order the type lists its resources (the same on every engine). */
function recordsInOrder(records: DataRecordSet, resources: readonly ResourceCode[]): DataRecord[] {
  return resources.flatMap((code) => {
    const record = records[code];
    return record ? [record] : [];
  });
}

/** The records a rule read, as they were: kept with the proof as its basis. */
function factsUsed(read: readonly DataRecord[], statements: Record<string, string>): Record<string, unknown> {
  const drawn = read.map((r) => ({ resource: r.resourceCode, name: dataResource(r.resourceCode).name, holdingLine: r.holdingLine, updatedAt: r.updatedAt.toISOString(), facts: r.facts }));
  return { records: drawn, statements };
}

/**
 * Issues a proof (开具证明): the type's rule reads the holder's data records and either states the
 * facts — the proof is then numbered, signed by the responsible department's SM2 key and audited —
 * or refuses, which is audited too and answered as `refused` (422) with the reason. A clerk at any
 * window may ask (proof.issue); a portal subject only for itself.
 */
export async function issueProof(ctx: Ctx, input: IssueProofInput): Promise<ProofRow> {
  if (ctx.actor.kind !== 'subject') assertCan(ctx.actor, 'proof.issue');
  const type = await findProofType(ctx.db, input.typeCode);
  const definition = proofTypeDefinition(input.typeCode);
  if (!type || !definition) throw invalid([{ field: 'typeCode', message: `unknown proof type ${input.typeCode}` }]);
  const purpose = checkedPurpose(input.purpose);
  if (!isUuid(input.holderId)) throw invalid([{ field: 'holderId', message: 'must be a UUID' }]);
  const holder = await loadHolder(ctx, input.holderId);
  if (!type.holderKinds.includes(holder.kind)) throw invalid([{ field: 'holderId', message: `${type.name} is not issued to a ${holder.kind}` }]);
  const issuer = await responsibleDepartment(ctx.db, type.issuingLine, holder.regionCode);
  const resources = type.resources.filter(isResourceCode);
  const records = await findRecords(ctx.db, holder.id, resources);
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const outcome = definition.rule({ holder: proofHolder(holder), records, today });
  const read = recordsInOrder(records, resources);

  if (!outcome.issue) {
    await recordAudit(ctx.db, ctx, {
      action: 'proof.refuse',
      targetType: 'subject',
      targetId: holder.id,
      subjectIds: [holder.id],
      purpose,
      payload: { typeCode: type.code, reason: outcome.reason, issuerDepartmentId: issuer.id, resources: read.map((r) => r.resourceCode) },
    });
    throw new AppError('refused', `不能开具${type.name}：${outcome.reason}`);
  }

  const holderCode = subjectCode(ctx.cipher, holder);
  const person = holder.kind === 'person';
  const shownCode = person ? maskIdNumber(holderCode) : holderCode;
  const values = { ...outcome.facts, holderName: holder.name, holderCode: shownCode, holderCodeLabel: holderCodeLabel(holder.kind), issuedOn: cnDate(today) };
  const paragraphs = proofParagraphs(type.template, values, type.code, purpose);
  const fields = type.fields.flatMap((f) => (outcome.facts[f.key] === undefined ? [] : [{ key: f.key, label: f.label, value: outcome.facts[f.key] ?? '' }]));
  const validUntil = proofValidUntil(today, type.validityDays);
  const id = uuidv7(now.getTime());

  return ctx.db.transaction(async (tx) => {
    const statusListIndex = await nextStatusListIndex(tx);
    const number = `ZM${issuer.regionCode.slice(0, 6)}${today.replace(/-/g, '')}${String(statusListIndex).padStart(8, '0')}`;
    const identifier = formatLicenseId({ typeCode: type.catalogueCode, issuerCode: issuer.uscc, serial: number, version: 1 });
    const document: ProofDocument = {
      identifier,
      name: type.name,
      typeCode: type.catalogueCode,
      number,
      holderName: holder.name,
      holderCode: shownCode,
      holderCodeType: person ? '居民身份证' : '统一社会信用代码',
      issuerName: issuer.name,
      issuerCode: issuer.uscc,
      issuedOn: today,
      validFrom: today,
      validUntil,
      regionCode: holder.regionCode,
      purpose,
      summary: outcome.summary,
      fields,
      paragraphs,
    };
    const signed = { ...document, holderCode };
    const signer = await departmentSigner(tx, ctx.cipher, issuer.id);
    const row: ProofRow = {
      id,
      holderId: holder.id,
      typeCode: type.code,
      number,
      identifier,
      holderKind: holder.kind,
      holderName: holder.name,
      holderCode: shownCode,
      holderCodeCipher: person ? ctx.cipher.encrypt('holderCode', holderCode) : null,
      keyId: person ? ctx.cipher.activeKeyId : null,
      issuerDepartmentId: issuer.id,
      issuerCode: issuer.uscc,
      issuerName: issuer.name,
      regionCode: holder.regionCode,
      purpose,
      summary: outcome.summary,
      factsUsed: factsUsed(read, outcome.facts),
      document,
      documentDigest: documentDigest(signed),
      signature: signWith(signer, canonicalDocument(signed)),
      signingKeyId: signer.keyId,
      verificationCode: newVerificationCode(),
      status: 'valid',
      statusReason: null,
      statusChangedAt: now,
      statusListIndex,
      issuedAt: now,
      issuedOn: today,
      validUntil,
      requestedByKind: ctx.actor.kind,
      requestedBy: ctx.actor.id,
      requestedByName: ctx.actor.name,
      requestedByDepartmentId: ctx.actor.departmentId,
    };
    await tx.insert(proofs).values(row);
    await tx.insert(proofEvents).values({ id: uuidv7(now.getTime()), proofId: id, holderId: holder.id, action: 'issue', reason: null, actorKind: ctx.actor.kind, actorId: ctx.actor.id, actorName: ctx.actor.name, at: now, details: { number, identifier } });
    await appendAuditEvents(tx, ctx, [
      {
        action: 'proof.issue',
        targetType: 'proof',
        targetId: id,
        subjectIds: [holder.id],
        purpose,
        payload: { typeCode: type.code, number, identifier, issuerDepartmentId: issuer.id, resources: read.map((r) => r.resourceCode) },
      },
    ]);
    return row;
  });
}

/** Revokes (撤销) a proof, e.g. issued on wrong data; only the department in whose name it was issued may. */
export async function revokeProof(ctx: Ctx, id: string, reason: string): Promise<ProofRow> {
  const [row] = isUuid(id) ? await ctx.db.select().from(proofs).where(eq(proofs.id, id)) : [];
  if (!row || !(mayReadProof(ctx.actor, row) || mayRevokeProof(ctx.actor, row))) throw new AppError('not_found', `proof ${id} not found`);
  if (!mayRevokeProof(ctx.actor, row)) throw new AppError('forbidden', `only ${row.issuerName} may revoke this proof`);
  const why = reason.trim();
  if (!why) throw invalid([{ field: 'reason', message: 'is required' }]);
  if (row.status === 'revoked') throw new AppError('conflict', 'the proof is already revoked');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(proofs)
      .set({ status: 'revoked', statusReason: why, statusChangedAt: now })
      .where(and(eq(proofs.id, row.id), eq(proofs.status, 'valid')))
      .returning();
    if (!revoked) throw new AppError('conflict', 'the proof changed meanwhile; reload it');
    await tx.insert(proofEvents).values({ id: uuidv7(now.getTime()), proofId: row.id, holderId: row.holderId, action: 'revoke', reason: why, actorKind: ctx.actor.kind, actorId: ctx.actor.id, actorName: ctx.actor.name, at: now, details: {} });
    await appendAuditEvents(tx, ctx, [{ action: 'proof.revoke', targetType: 'proof', targetId: row.id, subjectIds: [row.holderId], payload: { number: row.number, reason: why } }]);
    return revoked;
  });
}
