import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access/access.js';
import { findAuditEvents } from '../core/audit/audit.service.js';
import { fixedClock } from '../core/clock.js';
import type { Deps } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import { idNumberCheckChar } from '../core/ids/id-number.js';
import { parseLicenseId } from '../core/ids/license-id.js';
import { organizationCodeCheckChar, usccCheckChar } from '../core/ids/uscc.js';
import { createSubject, departmentIdOf } from '../registry/index.js';
import { testCtx } from '../test/harness.js';
import { demoActor, openLicensingDatabase } from '../test/licensing.js';
import { opensslVerify } from '../test/openssl.js';
import { getLicense, getLicenseHistory, listLicenses, signedLicenseDocument } from './license.read.js';
import { addYears, amendLicense, endLicense, expireLicenses, issueLicense, renewLicense, validUntilFor } from './license.service.js';
import { lookupLicense, publicLicenseView, verifySignedDocument } from './verification.service.js';

let database: Database;
let deps: Deps;
const clock = fixedClock(new Date('2026-03-01T02:00:00Z'));
const actors: Record<string, Actor> = {};
let shopId = '';
let personId = '';

beforeAll(async () => {
  ({ database, deps } = await openLicensingDatabase(clock));
  for (const u of ['officer.scjg', 'officer.hs.scjg', 'clerk.hsjd', 'clerk.dmtjd', 'clerk.zwzx']) actors[u] = await demoActor(deps, u);
  const system = testCtx(deps);
  const org8 = 'MA4LTQT1';
  const usccBody = `91430903${org8}${organizationCodeCheckChar(org8)}`;
  shopId = (await createSubject(system, { kind: 'organization', name: '益阳示例餐饮有限公司', uscc: usccBody + usccCheckChar(usccBody), regionCode: '430903001000', legalRepresentative: '王五', phone: '13907370000' })).id;
  const first17 = '43090319850612003';
  personId = (await createSubject(system, { kind: 'person', name: '赵六', idNumber: first17 + idNumberCheckChar(first17), phone: '13807371234', regionCode: '430902005000' })).id;
});
afterAll(async () => {
  await database?.close();
});

const ctxOf = (username: string) => ({ ...testCtx(deps, actors[username]) });

describe('licences', () => {
  it('computes validity from the catalogue rule', () => {
    expect(addYears('2025-05-22', 5)).toBe('2030-05-21');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-27');
    expect(addYears('2025-03-01', 5)).toBe('2030-02-28');
    expect(addYears('2025-01-01', -3)).toBe('2021-12-31');
    for (let day = Date.UTC(2019, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
      for (const years of [-5, 1, 4, 6]) {
        const from = new Date(day).toISOString().slice(0, 10);
        const end = new Date(Date.UTC(Number(from.slice(0, 4)) + years, Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10))));
        if (end.getUTCMonth() !== Number(from.slice(5, 7)) - 1) end.setUTCDate(0); // 29 Feb → 28 Feb
        end.setUTCDate(end.getUTCDate() - 1);
        expect(addYears(from, years)).toBe(end.toISOString().slice(0, 10));
      }
    }
    expect(validUntilFor({ kind: 'years', years: 5 }, '2026-03-01', null)).toBe('2031-02-28');
    expect(validUntilFor({ kind: 'permanent' }, '2026-03-01', null)).toBeNull();
    expect(validUntilFor({ kind: 'resident_id' }, '2026-03-01', '2015-01-01')).toBe('2031-02-28'); // under 16: 5 years
    expect(validUntilFor({ kind: 'resident_id' }, '2026-03-01', '1990-01-01')).toBe('2046-02-28'); // 36: 20 years
    expect(validUntilFor({ kind: 'resident_id' }, '2026-03-01', '1960-01-01')).toBeNull(); // over 46: long-term
  });

  it('issues a signed licence that OpenSSL verifies, with a GB/T 36904 identifier', async () => {
    const ctx = ctxOf('officer.hs.scjg');
    const license = await issueLicense(ctx, {
      typeCode: 'food_business_license',
      holderId: shopId,
      number: 'JY14309030012345',
      fields: { premises: '益阳市赫山区示例路1号', mainBusiness: '餐饮服务经营者', items: '热食类食品制售' },
      disclosure: ['premises'],
    });
    expect(license.status).toBe('valid');
    expect(license.validFrom).toBe('2026-03-01');
    expect(license.validUntil).toBe('2031-02-28');
    const parsed = parseLicenseId(license.identifier);
    expect(parsed.ok && parsed.version).toBe(1);
    expect(license.issuerName).toBe('益阳市赫山区市场监督管理局');

    const doc = await signedLicenseDocument(ctx, license.id);
    expect(await opensslVerify(deps.db, doc)).toContain('Signature Verified Successfully');

    const verified = await verifySignedDocument(deps.db, clock, doc, { license: lookupLicense });
    expect(verified.result).toBe('valid');
    const tampered = { ...doc, document: { ...doc.document, holderName: '别人' } };
    expect((await verifySignedDocument(deps.db, clock, tampered, { license: lookupLicense })).result).toBe('invalid');
  });

  it('refuses the wrong department, a duplicate number, an unknown field and an out-of-scope holder', async () => {
    await expect(issueLicense(ctxOf('officer.hs.scjg'), { typeCode: 'marriage_certificate', holderId: personId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(issueLicense(ctxOf('clerk.hsjd'), { typeCode: 'food_business_license', holderId: shopId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(issueLicense(ctxOf('officer.hs.scjg'), { typeCode: 'food_business_license', holderId: shopId, number: 'JY14309030012345' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(issueLicense(ctxOf('officer.hs.scjg'), { typeCode: 'food_business_license', holderId: shopId, fields: { colour: 'red' } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(issueLicense(ctxOf('officer.hs.scjg'), { typeCode: 'food_business_license', holderId: personId })).rejects.toMatchObject({ code: 'not_found' }); // 资阳区: outside 赫山区
  });

  it('amends into a linked new version, renews, and revokes; verification follows', async () => {
    const ctx = ctxOf('officer.hs.scjg');
    const [first] = (await listLicenses(ctx, { number: 'JY14309030012345', limit: 5 })).items;
    if (!first) throw new Error('licence from the first test missing');
    const oldDoc = await signedLicenseDocument(ctx, first.id);
    const amended = await amendLicense(ctx, first.id, { fields: { items: '热食类食品制售；冷食类食品制售' }, reason: '增加经营项目' });
    expect(amended.version).toBe(2);
    expect(amended.previousId).toBe(first.id);
    expect((await getLicense(ctx, first.id)).status).toBe('superseded');
    const newDoc = await signedLicenseDocument(ctx, amended.id);
    expect(newDoc.document.previousIdentifier).toBe(first.identifier);
    expect((await verifySignedDocument(deps.db, clock, oldDoc, { license: lookupLicense })).result).toBe('invalid');
    await expect(amendLicense(ctx, first.id, { reason: 'again' })).rejects.toMatchObject({ code: 'conflict' });

    const renewed = await renewLicense(ctx, amended.id);
    expect(renewed.version).toBe(3);
    expect(renewed.validFrom).toBe('2031-03-01');
    const history = await getLicenseHistory(ctx, renewed.id);
    expect(history.map((h) => h.action)).toEqual(['issue', 'supersede', 'amend', 'supersede', 'amend']);

    const revoked = await endLicense(ctx, renewed.id, 'revoked', '食品安全严重违法');
    expect(revoked.status).toBe('revoked');
    const verdict = await verifySignedDocument(deps.db, clock, await signedLicenseDocument(ctx, renewed.id), { license: lookupLicense });
    expect(verdict.result).toBe('revoked');
    expect(verdict.reasons.join(' ')).toContain('食品安全严重违法');
    const page = await publicLicenseView(deps.db, clock, renewed.verificationCode);
    expect(page?.statusLabel).toBe('吊销');
    expect(page?.fields.map((f) => f.label)).toEqual(['经营场所']);
    expect(JSON.stringify(page)).not.toContain('91430903');
  });

  it('treats another department\'s read as an audited retrieval that needs a purpose', async () => {
    const own = (await listLicenses(ctxOf('officer.hs.scjg'), { limit: 1 })).items[0];
    if (!own) throw new Error('no licence');
    const clerk = ctxOf('clerk.hsjd');
    await expect(getLicense(clerk, own.id)).rejects.toMatchObject({ code: 'invalid' });
    const read = await getLicense(clerk, own.id, '办理食品经营许可延续，核验原证');
    expect(read.holderCode).toBe(own.holderCode);
    const events = await findAuditEvents(deps.db, { action: 'license.retrieve', targetId: own.id, limit: 5 });
    expect(events[0]?.purpose).toBe('办理食品经营许可延续，核验原证');
    // a clerk of another township does not see it at all
    await expect(getLicense(ctxOf('clerk.dmtjd'), own.id, '随便看看')).rejects.toMatchObject({ code: 'not_found' });
    expect((await findAuditEvents(deps.db, { action: 'access.denied', targetId: own.id, limit: 5 })).length).toBe(1);
  });

  it('expires licences past their last day, and a person\'s ID number stays encrypted and masked', async () => {
    const police = testCtx(deps);
    const card = await issueLicense(police, { typeCode: 'driving_license', holderId: personId, issuerDepartmentId: departmentIdOf('430902-public_security'), validFrom: '2020-01-01', validUntil: '2026-02-27', fields: { class: 'C1' } });
    expect(card.holderCode).toMatch(/^430903\*{8}\d{3}[\dX]$/);
    expect(card.holderCodeCipher?.toString('utf8')).not.toContain('430903');
    expect((await getLicense(police, card.id)).status).toBe('expired'); // effective before the job runs
    expect(await expireLicenses(deps)).toBeGreaterThanOrEqual(1);
    expect(await expireLicenses(deps)).toBe(0);
    const doc = await signedLicenseDocument(police, card.id);
    expect(doc.document.holderCode).toMatch(/^430903198506120\d{2}[\dX]$/);
    expect((await verifySignedDocument(deps.db, clock, doc, { license: lookupLicense })).result).toBe('expired');
  });
});
