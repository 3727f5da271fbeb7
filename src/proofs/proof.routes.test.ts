import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/access/access.js';
import { contextFor } from '../core/context.js';
import { idNumberCheckChar } from '../core/ids/id-number.js';
import { writeRecords } from '../exchange/index.js';
import { seedLicensing } from '../licenses/seed.js';
import { createStaff, createSubject, departmentIdOf } from '../registry/index.js';
import { engineName } from '../test/harness.js';
import { expectProblem, seededAppPerFile, signIn, type Session } from '../test/http.js';
import type { ProofTypeView, ProofView } from './proof.contract.js';
import { seedProofing } from './seed.js';

const t = seededAppPerFile({ publicUrl: 'https://zwfw.yiyang.example/' });

describe(`proofs over HTTP (${engineName})`, () => {
  let clerk: Session;
  let police: Session;
  let holderId = '';
  let convictedId = '';
  let proof: ProofView;

  beforeAll(async () => {
    await seedLicensing(t.deps);
    await seedProofing(t.deps);
    const system = contextFor(t.deps, systemActor);
    const person = (name: string, first17: string, phone: string) => createSubject(system, { kind: 'person', name, idNumber: first17 + idNumberCheckChar(first17), phone, regionCode: '430903001000' });
    holderId = (await person('陈静', '43090319920817004', '13807372001')).id;
    convictedId = (await person('赵磊', '43090319880203005', '13807372002')).id;
    await writeRecords(t.deps.db, new Date(), [
      { subjectId: holderId, resourceCode: 'marriage_registration', facts: { status: 'married', spouseName: '周志强', registeredOn: '2018-10-01', office: '益阳市赫山区民政局婚姻登记处' } },
      { subjectId: holderId, resourceCode: 'household_registration', facts: { address: '湖南省益阳市赫山区赫山街道示例路3号（示例）', householder: '周志强', relationToHouseholder: '配偶', registeredOn: '2018-11-01', status: 'active', members: [{ name: '周志强', relation: '户主' }] } },
      { subjectId: convictedId, resourceCode: 'household_registration', facts: { address: '湖南省益阳市赫山区赫山街道示例路5号（示例）', householder: '赵磊', relationToHouseholder: '户主', registeredOn: '2010-01-01', status: 'active', members: [] } },
      { subjectId: convictedId, resourceCode: 'criminal_record', facts: { entries: [{ offence: '危险驾驶罪', judgedOn: '2022-03-01', court: '益阳市赫山区人民法院' }] } },
    ]);
    await createStaff(system, { username: 'officer.hs.gaj', displayName: '公安赫山分局民警', password: 'police-test-password-1', departmentId: departmentIdOf('430903-public_security'), roles: ['officer'], scopeRegionCode: '430903000000' });
    clerk = await signIn(t.app, 'clerk.hsjd');
    police = await signIn(t.app, 'officer.hs.gaj', 'police-test-password-1');
  });

  const post = (session: Session | null, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: session?.headers ?? {} });
  const get = (session: Session | null, url: string) => t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });

  it('lists the catalogue with the data each proof draws on', async () => {
    expectProblem(await get(null, '/api/v1/proof-types'), 401);
    const res = await get(clerk, '/api/v1/proof-types');
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: ProofTypeView[] };
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(items.find((i) => i.code === 'no_criminal_record')).toMatchObject({
      name: '无犯罪记录证明', issuingLine: 'public_security', holderKinds: ['person'], validityDays: 90,
      resources: expect.arrayContaining([{ code: 'criminal_record', name: '违法犯罪记录', holdingLine: 'public_security' }]),
    });
  });

  it('issues a proof at a window (201) in the name of the responsible department', async () => {
    const res = await post(clerk, '/api/v1/proofs', { typeCode: 'marital_status', holderId, purpose: '办理购房贷款' });
    expect(res.statusCode, res.body).toBe(201);
    proof = res.json() as ProofView;
    expect(proof).toMatchObject({ typeName: '婚姻状况证明', issuerName: '益阳市赫山区民政局', status: 'valid', statusLabel: '有效', summary: '婚姻状况：已婚', purpose: '办理购房贷款', requestedByKind: 'staff' });
    expect(proof.fields).toEqual([{ key: 'maritalStatus', label: '婚姻状况', value: '已婚' }]);
    expect(proof.verificationUrl).toBe(`/v/${proof.verificationCode}`);
    expect(proof.holderCode).toMatch(/^430903\*{8}/);
  });

  it('answers 422 problem+json with the reason when the data does not support the proof', async () => {
    const res = await post(clerk, '/api/v1/proofs', { typeCode: 'no_criminal_record', holderId: convictedId, purpose: '应聘驾驶员' });
    const body = expectProblem(res, 422);
    expect(body.type).toBe('urn:mianzheng:problem:refused');
    expect(body.title).toBe('不符合办理条件');
    expect(body.detail).toContain('有犯罪记录');
    expect(expectProblem(await post(clerk, '/api/v1/proofs', { typeCode: 'unmarried', holderId, purpose: '出国' }), 422).detail).toContain('已婚');
  });

  it('answers bad input with 400 naming the field, never a 500', async () => {
    expect(expectProblem(await post(clerk, '/api/v1/proofs', { typeCode: 'residence', holderId }), 400).errors?.[0]?.field).toBe('purpose');
    expect(expectProblem(await post(clerk, '/api/v1/proofs', { typeCode: 'residence', holderId: 'x', purpose: 'y' }), 400).errors?.[0]?.field).toBe('holderId');
    expect(expectProblem(await post(clerk, '/api/v1/proofs', { typeCode: 'residence', holderId, purpose: 'y', extra: 1 }), 400).errors?.[0]?.field).toBe('extra');
    expect(expectProblem(await post(clerk, '/api/v1/proofs', { typeCode: 'nope', holderId, purpose: 'y' }), 400).errors?.[0]?.field).toBe('typeCode');
    expectProblem(await post(null, '/api/v1/proofs', { typeCode: 'residence', holderId, purpose: 'y' }), 401);
    expectProblem(await post({ ...clerk, headers: { cookie: clerk.cookie } }, '/api/v1/proofs', { typeCode: 'residence', holderId, purpose: 'y' }), 403); // no CSRF token
    expectProblem(await get(clerk, '/api/v1/proofs?cursor=abc'), 400);
    expectProblem(await get(clerk, '/api/v1/proofs/00000000-0000-4000-8000-000000000000'), 404);
  });

  it('lists, reads and renders the proof for the window and the issuing department', async () => {
    const list = (await get(clerk, `/api/v1/proofs?holderId=${holderId}&status=valid`)).json() as { items: ProofView[] };
    expect(list.items.map((p) => p.id)).toEqual([proof.id]);
    expect((await get(clerk, `/api/v1/proofs/${proof.id}`)).json()).toMatchObject({ id: proof.id });
    const pdf = await get(clerk, `/api/v1/proofs/${proof.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('婚姻状况证明')}`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The signed document carries the ID number: the holder and the issuing department only.
    expectProblem(await get(clerk, `/api/v1/proofs/${proof.id}/document`), 404);
    expectProblem(await get(police, `/api/v1/proofs/${proof.id}/document`), 404); // police did not issue this one
  });

  it('verifies the document by API and by QR page: valid, then revoked', async () => {
    const issued = (await post(police, '/api/v1/proofs', { typeCode: 'household_registration', holderId, purpose: '办理居住证' })).json() as ProofView;
    expect(issued.issuerName).toBe('益阳市公安局赫山分局');
    const document = (await get(police, `/api/v1/proofs/${issued.id}/document`)).json() as { kind: string; document: { holderCode: string } };
    expect(document.kind).toBe('proof');
    expect(document.document.holderCode).toMatch(/^43090319920817004[\dX]$/);
    expect((await post(null, '/api/v1/verify', document)).json()).toMatchObject({ result: 'valid', kind: 'proof', name: '户籍证明' });
    const page = await get(null, `/v/${issued.verificationCode}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('户籍证明');
    expect(page.body).toContain('有效');
    expect(page.body).toContain('证明对象');
    expect(page.body).not.toContain('43090319920817');

    expectProblem(await post(clerk, `/api/v1/proofs/${issued.id}/revoke`, { reason: '错误' }), 404); // neither issued nor asked for at this window
    expectProblem(await post(clerk, `/api/v1/proofs/${proof.id}/revoke`, { reason: '错误' }), 403); // asked for here, but civil affairs issued it
    expectProblem(await post(police, `/api/v1/proofs/${issued.id}/revoke`, {}), 400);
    const revoked = await post(police, `/api/v1/proofs/${issued.id}/revoke`, { reason: '户籍信息已变更' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', statusLabel: '已撤销', statusReason: '户籍信息已变更' });
    expectProblem(await post(police, `/api/v1/proofs/${issued.id}/revoke`, { reason: '再次' }), 409);
    const verdict = (await post(null, '/api/v1/verify', document)).json() as { result: string; reasons: string[] };
    expect(verdict.result).toBe('revoked');
    expect(verdict.reasons.join(' ')).toContain('户籍信息已变更');
    expect((await get(null, `/v/${issued.verificationCode}`)).body).toContain('已撤销');
    expect((await get(null, `/api/v1/verify/${issued.verificationCode.toLowerCase()}`)).json()).toMatchObject({ kind: 'proof', status: 'revoked' });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await get(null, '/openapi.json')).json() as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    for (const [path, method] of [['/api/v1/proof-types', 'get'], ['/api/v1/proofs', 'post'], ['/api/v1/proofs', 'get'], ['/api/v1/proofs/{id}', 'get'], ['/api/v1/proofs/{id}/document', 'get'], ['/api/v1/proofs/{id}/pdf', 'get'], ['/api/v1/proofs/{id}/revoke', 'post'], ['/api/v1/portal/proofs', 'post'], ['/api/v1/portal/proofs/{id}/pdf', 'get']] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    expect(doc.components.schemas).toHaveProperty('Proof');
    expect(doc.components.schemas).toHaveProperty('ProofType');
  });
});
