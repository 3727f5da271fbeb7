import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access/access.js';
import { findAuditEvents } from '../core/audit/audit.service.js';
import { fixedClock } from '../core/clock.js';
import { contextFor, type Ctx, type Deps } from '../core/context.js';
import { sm2PublicKeyPem } from '../core/crypto/sm2.js';
import type { Database } from '../core/db/database.js';
import { AppError } from '../core/errors.js';
import { idNumberCheckChar } from '../core/ids/id-number.js';
import { parseLicenseId } from '../core/ids/license-id.js';
import { organizationCodeCheckChar, usccCheckChar } from '../core/ids/uscc.js';
import { writeRecords } from '../exchange/index.js';
import { canonicalDocument, findPublicKey, verifySignedDocument } from '../licenses/index.js';
import { seedLicensing } from '../licenses/seed.js';
import { subjectActor } from '../portal/portal-session.service.js';
import { actorFromStaff, createSubject, departmentIdOf, findStaffByUsername, findSubjectRow, seedDemo, seedReferenceData } from '../registry/index.js';
import { engineName, openTestDatabase, testCtx, testDeps } from '../test/harness.js';
import { pdfText, popplerTools, qrOnPage } from '../test/pdf-tools.js';
import { getProof, listProofs, proofPdf, signedProofDocument } from './proof.read.js';
import { issueProof, revokeProof, type ProofRow } from './proof.service.js';
import { lookupProof, publicProofView } from './proof.verification.js';
import { seedProofing } from './seed.js';

const PUBLIC_URL = 'https://zwfw.yiyang.example';
const clock = fixedClock(new Date('2026-03-01T02:00:00Z'));
const dir = mkdtempSync(join(tmpdir(), 'mz-proof-'));

const { pdftotext: hasPdftotext, pdftoppm: hasPdftoppm } = popplerTools('proof PDF');

const personId = (first17: string) => first17 + idNumberCheckChar(first17);

describe(`issuing proofs (${engineName})`, () => {
  let database: Database;
  let deps: Deps;
  const ids: Record<'clean' | 'convicted' | 'zone' | 'shop', string> = { clean: '', convicted: '', zone: '', shop: '' };
  const actors: Record<string, Actor> = {};
  /** An officer of the 赫山 police, in whose name the district's police proofs are issued. */
  const police: Actor = {
    kind: 'staff', id: '00000000-0000-4000-8000-00000000b001', name: 'officer.hs.gaj', departmentId: departmentIdOf('430903-public_security'),
    roles: ['officer'], scope: { regionCode: '430903000000', departmentIds: [departmentIdOf('430903-public_security')] },
  };
  const ctxOf = (who: string | Actor): Ctx => contextFor(deps, typeof who === 'string' ? (actors[who] ?? police) : who);
  let first: ProofRow;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = testDeps(database, clock);
    await seedReferenceData(deps);
    await seedDemo(deps);
    await seedLicensing(deps);
    await seedProofing(deps);
    for (const u of ['clerk.hsjd', 'clerk.dmtjd', 'clerk.zwzx']) {
      const row = await findStaffByUsername(deps.db, u);
      if (!row) throw new Error(`no demo user ${u}`);
      actors[u] = actorFromStaff(row);
    }
    const system = testCtx(deps);
    ids.clean = (await createSubject(system, { kind: 'person', name: '张晓梅', idNumber: personId('43090319900504122'), phone: '13907371001', regionCode: '430903001000' })).id;
    ids.convicted = (await createSubject(system, { kind: 'person', name: '李四海', idNumber: personId('43090319850612003'), phone: '13907371002', regionCode: '430903001000' })).id;
    ids.zone = (await createSubject(system, { kind: 'person', name: '王秀英', idNumber: personId('43092119560301002'), phone: '13907371003', regionCode: '430971121000' }))
      .id;
    const org8 = 'MA4LTQT2';
    const body = `92430903${org8}${organizationCodeCheckChar(org8)}`;
    ids.shop = (await createSubject(system, { kind: 'organization', name: '赫山示例食品商行', uscc: body + usccCheckChar(body), regionCode: '430903001000', legalRepresentative: '李建国', phone: '13907371004' })).id;
    const household = (address: string) => ({ address, householder: '户主', relationToHouseholder: '户主', registeredOn: '2015-03-01', status: 'active' as const, members: [] });
    await writeRecords(deps.db, clock.now(), [
      { subjectId: ids.clean, resourceCode: 'household_registration', facts: household('湖南省益阳市赫山区赫山街道示例路8号（示例）') },
      { subjectId: ids.clean, resourceCode: 'criminal_record', facts: { entries: [] } },
      { subjectId: ids.convicted, resourceCode: 'household_registration', facts: household('湖南省益阳市赫山区赫山街道示例路9号（示例）') },
      { subjectId: ids.convicted, resourceCode: 'criminal_record', facts: { entries: [{ offence: '盗窃罪', judgedOn: '2019-06-01', court: '益阳市赫山区人民法院' }] } },
      { subjectId: ids.zone, resourceCode: 'household_registration', facts: household('湖南省益阳市大通湖管理区河坝镇示例路1号（示例）') },
      { subjectId: ids.zone, resourceCode: 'minimum_living', facts: { category: 'minimum_living', status: 'receiving', since: '2024-01-01', monthlyAmount: 480, householdSize: 2 } },
      { subjectId: ids.shop, resourceCode: 'market_entity', facts: { entityType: 'individual', status: 'operating', registeredOn: '2018-04-02', address: '湖南省益阳市赫山区示例路1号（示例）', scope: '食品销售', authority: '益阳市赫山区市场监督管理局' } },
      { subjectId: ids.shop, resourceCode: 'credit', facts: { penalties: [], abnormalOperation: false, seriousIllegal: false } },
    ]);
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets a window clerk of another department issue in the name of the department responsible for the holder', async () => {
    first = await issueProof(ctxOf('clerk.hsjd'), { typeCode: 'no_criminal_record', holderId: ids.clean, purpose: '办理教师资格认定' });
    expect(first.issuerName).toBe('益阳市公安局赫山分局');
    expect(first.issuerDepartmentId).toBe(departmentIdOf('430903-public_security'));
    expect(first.requestedByDepartmentId).toBe(departmentIdOf('430903001-government_services'));
    expect(first.number).toMatch(/^ZM43090320260301\d{8}$/);
    expect(parseLicenseId(first.identifier)).toMatchObject({ ok: true, serial: first.number, version: 1 });
    expect(first.validUntil).toBe('2026-05-29'); // 90 days counting the day of issue
    expect(first.holderCode).toMatch(/^430903\*{8}\d{3}[\dX]$/);
    expect(first.document.paragraphs.join('')).toContain('截至2026年3月1日，未发现其有犯罪记录');
    expect(first.document.paragraphs.at(-2)).toBe('本证明用途：办理教师资格认定。');
    expect(first.factsUsed).toMatchObject({ records: [expect.objectContaining({ resource: 'criminal_record', holdingLine: 'public_security' }), expect.anything()] });

    // A business certificate issued at a township window: the district's market regulator.
    const shop = await issueProof(ctxOf('clerk.hsjd'), { typeCode: 'individual_business', holderId: ids.shop, purpose: '银行开户' });
    expect(shop.issuerName).toBe('益阳市赫山区市场监督管理局');
    expect(shop.holderCode).toMatch(/^92430903/);
    // 大通湖 runs its own police but not civil affairs: 低保 proofs come from the city.
    const zone = ctxOf('clerk.zwzx');
    expect((await issueProof(zone, { typeCode: 'minimum_living', holderId: ids.zone, purpose: '申请医疗救助' })).issuerName).toBe('益阳市民政局');
    expect((await issueProof(zone, { typeCode: 'household_registration', holderId: ids.zone, purpose: '办理社保' })).issuerName).toBe('益阳市公安局大通湖分局');
  });

  it('audits each issuance with the holder and the purpose', async () => {
    const [event] = await findAuditEvents(deps.db, { action: 'proof.issue', targetId: first.id, limit: 1 });
    expect(event).toMatchObject({ purpose: '办理教师资格认定', subjectIds: [ids.clean], actorDepartmentId: departmentIdOf('430903001-government_services') });
    expect(event?.payload).toMatchObject({ typeCode: 'no_criminal_record', issuerDepartmentId: departmentIdOf('430903-public_security'), resources: expect.arrayContaining(['criminal_record']) });
  });

  it('refuses what the data does not support, with the reason, and audits the refusal', async () => {
    const error = await issueProof(ctxOf('clerk.hsjd'), { typeCode: 'no_criminal_record', holderId: ids.convicted, purpose: '应聘' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('refused');
    expect((error as AppError).message).toBe('不能开具无犯罪记录证明：经查询，申请人有犯罪记录，不能出具无犯罪记录证明');
    const [event] = await findAuditEvents(deps.db, { action: 'proof.refuse', subjectId: ids.convicted, limit: 1 });
    expect(event).toMatchObject({ purpose: '应聘', actorId: actors['clerk.hsjd']?.id });
    expect(event?.payload).toMatchObject({ typeCode: 'no_criminal_record', reason: expect.stringContaining('有犯罪记录') });
    expect((await listProofs(testCtx(deps), { holderId: ids.convicted, limit: 10 })).items).toEqual([]);
    // The refusal does not leak the conviction's details.
    expect((error as AppError).message).not.toContain('盗窃');
  });

  it('checks scope, input and holder kind before reading any data', async () => {
    await expect(issueProof(ctxOf('clerk.dmtjd'), { typeCode: 'no_criminal_record', holderId: ids.clean, purpose: '应聘' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await findAuditEvents(deps.db, { action: 'access.denied', targetId: ids.clean, limit: 5 })).length).toBe(1);
    await expect(issueProof(ctxOf('clerk.hsjd'), { typeCode: 'no_criminal_record', holderId: ids.clean, purpose: '  ' })).rejects.toMatchObject({ code: 'invalid', errors: [{ field: 'purpose' }] });
    await expect(issueProof(ctxOf('clerk.hsjd'), { typeCode: 'no_criminal_record', holderId: ids.clean, purpose: '应聘\u{1F600}' })).rejects.toMatchObject({ code: 'invalid', errors: [{ field: 'purpose' }] });
    await expect(issueProof(ctxOf('clerk.hsjd'), { typeCode: 'no_such_proof', holderId: ids.clean, purpose: '应聘' })).rejects.toMatchObject({ code: 'invalid', errors: [{ field: 'typeCode' }] });
    await expect(issueProof(ctxOf('clerk.hsjd'), { typeCode: 'enterprise_credit', holderId: ids.clean, purpose: '投标' })).rejects.toMatchObject({ code: 'invalid', errors: [{ field: 'holderId' }] });
    const auditor: Actor = { ...police, id: '00000000-0000-4000-8000-00000000b002', roles: ['auditor'] };
    await expect(issueProof(contextFor(deps, auditor), { typeCode: 'no_criminal_record', holderId: ids.clean, purpose: '应聘' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets a portal subject issue only for itself', async () => {
    const self = await findSubjectRow(deps.db, ids.clean);
    if (!self) throw new Error('subject vanished');
    const subject = contextFor(deps, subjectActor(self));
    await expect(issueProof(subject, { typeCode: 'no_criminal_record', holderId: ids.convicted, purpose: '应聘' })).rejects.toMatchObject({ code: 'forbidden' });
    const own = await issueProof(subject, { typeCode: 'residence', holderId: ids.clean, purpose: '子女入学' });
    expect(own).toMatchObject({ requestedByKind: 'subject', requestedByDepartmentId: null, issuerName: '益阳市公安局赫山分局' });
    expect((await listProofs(subject, { limit: 20 })).items.map((p) => p.holderId)).toEqual([ids.clean, ids.clean]);
  });

  it('shows proofs to the holder, the issuing department and the asking window, and to nobody else', async () => {
    const ids1 = (await listProofs(ctxOf('clerk.hsjd'), { limit: 50 })).items.map((p) => p.id);
    expect(ids1).toContain(first.id);
    expect((await listProofs(ctxOf(police), { limit: 50 })).items.map((p) => p.id)).toContain(first.id);
    expect((await listProofs(ctxOf('clerk.dmtjd'), { limit: 50 })).items).toEqual([]);
    expect((await getProof(ctxOf(police), first.id)).status).toBe('valid');
    await expect(getProof(ctxOf('clerk.dmtjd'), first.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getProof(ctxOf('clerk.hsjd'), 'not-an-id')).rejects.toMatchObject({ code: 'not_found' });
    expect((await findAuditEvents(deps.db, { action: 'proof.read', subjectId: ids.clean, limit: 5 })).length).toBeGreaterThanOrEqual(1);
  });

  it('renders a PDF whose text carries the holder, the stated facts and the verification code, and whose QR code opens the verification page', async (t) => {
    const { bytes, filename } = await proofPdf(ctxOf('clerk.hsjd'), first.id, PUBLIC_URL);
    expect(filename).toBe(`无犯罪记录证明-${first.number}.pdf`);
    expect(Buffer.from((await proofPdf(ctxOf(police), first.id, PUBLIC_URL)).bytes).equals(Buffer.from(bytes))).toBe(true); // deterministic
    if (!hasPdftotext) return t.skip();
    const path = join(dir, 'proof.pdf');
    writeFileSync(path, bytes);
    const text = pdfText(path).replace(/\s+/g, '');
    for (const s of ['无犯罪记录证明', '张晓梅', first.holderCode, '截至2026年3月1日，未发现其有犯罪记录', `核验码：${first.verificationCode}`, '益阳市公安局赫山分局', '2026年3月1日', '有效期至：2026年5月29日', '本证明用途：办理教师资格认定。', '特此证明。']) {
      expect(text).toContain(s);
    }
    if (!hasPdftoppm) return;
    expect(qrOnPage(path, 1, dir)).toBe(`${PUBLIC_URL}/v/${first.verificationCode}`);
  });

  it('signs with the issuing department key (OpenSSL agrees); verification says valid, then revoked, then expired', async () => {
    const self = await findSubjectRow(deps.db, ids.clean);
    if (!self) throw new Error('subject vanished');
    const doc = await signedProofDocument(contextFor(deps, subjectActor(self)), first.id);
    expect(doc.kind).toBe('proof');
    expect(doc.document.holderCode).toBe(personId('43090319900504122'));
    await expect(signedProofDocument(ctxOf('clerk.hsjd'), first.id)).rejects.toMatchObject({ code: 'not_found' }); // the window hands over the PDF, not the ID number
    const key = await findPublicKey(deps.db, doc.signature.keyId);
    if (!key) throw new Error('key not published');
    expect(key.departmentId).toBe(departmentIdOf('430903-public_security'));
    writeFileSync(join(dir, 'pub.pem'), sm2PublicKeyPem(key.publicKey));
    writeFileSync(join(dir, 'doc.json'), canonicalDocument(doc.document));
    writeFileSync(join(dir, 'doc.sig'), Buffer.from(doc.signature.value, 'base64'));
    const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-rawin', '-in', join(dir, 'doc.json'), '-sigfile', join(dir, 'doc.sig'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678']).toString();
    expect(out).toContain('Signature Verified Successfully');

    const registries = { proof: lookupProof };
    expect(await verifySignedDocument(deps.db, clock, doc, registries)).toMatchObject({ result: 'valid', kind: 'proof', name: '无犯罪记录证明', issuerName: '益阳市公安局赫山分局' });
    expect((await verifySignedDocument(deps.db, clock, { ...doc, document: { ...doc.document, paragraphs: ['兹证明……无犯罪记录。'] } }, registries)).result).toBe('invalid');
    expect(await publicProofView(deps.db, clock, first.verificationCode)).toMatchObject({ kind: 'proof', status: 'valid', statusLabel: '有效', holderName: '张**', fields: [{ label: '证明内容', value: '未发现有犯罪记录' }, { label: '用途', value: '办理教师资格认定' }] });

    await expect(revokeProof(ctxOf('clerk.hsjd'), first.id, '信息有误')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(revokeProof(ctxOf('clerk.dmtjd'), first.id, '信息有误')).rejects.toMatchObject({ code: 'not_found' });
    await expect(revokeProof(ctxOf(police), first.id, ' ')).rejects.toMatchObject({ code: 'invalid' });
    const revoked = await revokeProof(ctxOf(police), first.id, '申请人提供的信息有误');
    expect(revoked.status).toBe('revoked');
    await expect(revokeProof(ctxOf(police), first.id, '再次')).rejects.toMatchObject({ code: 'conflict' });
    const verdict = await verifySignedDocument(deps.db, clock, doc, registries);
    expect(verdict.result).toBe('revoked');
    expect(verdict.reasons.join(' ')).toContain('已撤销：申请人提供的信息有误');
    const page = await publicProofView(deps.db, clock, first.verificationCode);
    expect(page).toMatchObject({ status: 'revoked', statusLabel: '已撤销' });
    expect(JSON.stringify(page)).not.toContain(personId('43090319900504122').slice(6));
    expect(JSON.stringify(page)).not.toContain(first.holderCode);
    expect(await findAuditEvents(deps.db, { action: 'proof.revoke', subjectId: ids.clean, limit: 1 })).toHaveLength(1);

    // A proof past its last day verifies as expired.
    const shop = (await listProofs(ctxOf('clerk.hsjd'), { holderId: ids.shop, limit: 1 })).items[0];
    if (!shop) throw new Error('shop proof missing');
    const shopDoc = await signedProofDocument(testCtx(deps), shop.id);
    clock.advance(91 * 86_400_000);
    try {
      expect((await verifySignedDocument(deps.db, clock, shopDoc, registries)).result).toBe('expired');
      expect((await getProof(ctxOf('clerk.hsjd'), shop.id)).status).toBe('expired');
      expect((await listProofs(ctxOf('clerk.hsjd'), { status: 'expired', limit: 50 })).items.map((p) => p.id)).toContain(shop.id);
    } finally {
      clock.advance(-91 * 86_400_000);
    }
  });
});
