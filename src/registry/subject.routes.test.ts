import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../core/db/database.js';
import { testCipher } from '../test/harness.js';
import { expectProblem, seededAppPerFile, signIn, type Session } from '../test/http.js';
import { idNumberFrom, usccFrom, withWrongCheck } from '../test/identifiers.js';
import { departmentIdOf } from './seed.js';
import { subjects } from './subject.schema.js';

interface SubjectJson {
  id: string;
  kind: string;
  name: string;
  idNumber: string | null;
  uscc: string | null;
  sex: string | null;
  birthDate: string | null;
  phone: string | null;
  regionCode: string;
  registeredByDepartmentId: string | null;
}
interface AuditJson {
  seq: number;
  action: string;
  actorName: string | null;
  targetId: string | null;
  purpose: string | null;
  subjectIds: string[];
  payload: Record<string, unknown>;
}

const HESHAN_STREET = '430903001000'; // 赫山街道, clerk.hsjd's township
const DAMATOU_STREET = '430902005000'; // 大码头街道 in 资阳区, another township

// A person of 赫山街道 and one of 大码头街道 (address codes of their districts), with their phones.
const LI = { idNumber: idNumberFrom('43090319880229179'), phone: '13812345678' }; // check character X
const ZHAO = { idNumber: idNumberFrom('43090219750704246'), phone: '15973701234' };

const t = seededAppPerFile();
let admin: Session;
let clerk: Session; // clerk.hsjd
let otherClerk: Session; // clerk.dmtjd
let auditor: Session;
let li: SubjectJson;
let zhao: SubjectJson;

beforeAll(async () => {
  admin = t.admin;
  [clerk, otherClerk, auditor] = await Promise.all([signIn(t.app, 'clerk.hsjd'), signIn(t.app, 'clerk.dmtjd'), signIn(t.app, 'auditor')]);
});

const post = (session: Session, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: session.headers });
const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });

async function auditEvents(query: string): Promise<AuditJson[]> {
  const res = await get(auditor, `/api/v1/audit?limit=200&${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: AuditJson[] }).items;
}

describe('registering subjects', () => {
  it('registers a person with the ID number and phone masked, and nothing in clear in the response', async () => {
    expect(LI.idNumber.endsWith('X')).toBe(true); // registered as x, found and refused as X below
    const res = await post(clerk, '/api/v1/subjects', { kind: 'person', name: '李小益', idNumber: LI.idNumber.toLowerCase(), phone: '+86 138-1234-5678', regionCode: HESHAN_STREET });
    expect(res.statusCode).toBe(201);
    li = res.json() as SubjectJson;
    expect(li).toMatchObject({
      kind: 'person',
      name: '李小益',
      idNumber: `430903********${LI.idNumber.slice(-4)}`,
      uscc: null,
      sex: 'male',
      birthDate: '1988-02-29',
      phone: '138****5678',
      regionCode: HESHAN_STREET,
      registeredByDepartmentId: departmentIdOf('430903001-government_services'),
    });
    expect(res.body).not.toContain(LI.idNumber);
    expect(res.body).not.toContain(LI.idNumber.slice(6, 14));
    expect(res.body).not.toContain(LI.phone);
  });

  it('registers an organisation: the USCC is public, the phone is masked', async () => {
    const uscc = usccFrom('430902', 'MA4Q0007');
    const res = await post(admin, '/api/v1/subjects', { kind: 'organization', name: '益阳市资江竹木制品有限公司', uscc: uscc.toLowerCase(), legalRepresentative: '赵大江', phone: '0737-4221234', regionCode: DAMATOU_STREET });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'organization', uscc, idNumber: null, sex: null, legalRepresentative: '赵大江', phone: '073****1234' });
    expect(res.body).not.toContain('07374221234');
    const again = expectProblem(await post(admin, '/api/v1/subjects', { kind: 'organization', name: '别名', uscc, legalRepresentative: '某人', regionCode: DAMATOU_STREET }), 409);
    expect(again.errors).toEqual([{ field: 'uscc', message: 'is already registered' }]);
  });

  it('refuses a second registration of the same ID number (409), however it is written', async () => {
    const res = await post(admin, '/api/v1/subjects', { kind: 'person', name: '李小益', idNumber: LI.idNumber, phone: '13900000000', regionCode: HESHAN_STREET });
    const body = expectProblem(res, 409);
    expect(body.errors).toEqual([{ field: 'idNumber', message: 'is already registered' }]);
  });

  it('registers a person once when the same registration arrives several times at once', async () => {
    const payload = { kind: 'person', name: '并发登记', idNumber: idNumberFrom('43090319920808135'), phone: '13807371234', regionCode: HESHAN_STREET };
    const results = await Promise.all(Array.from({ length: 6 }, () => post(admin, '/api/v1/subjects', payload)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const found = (await get(admin, `/api/v1/subjects?idNumber=${payload.idNumber}`)).json() as { items: unknown[] };
    expect(found.items).toHaveLength(1);
  });

  it('reports every bad field at once (400 with per-field errors)', async () => {
    const person = { kind: 'person', name: '王某', idNumber: idNumberFrom('43090319900101123'), phone: '13800000000', regionCode: HESHAN_STREET };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...person, idNumber: withWrongCheck(person.idNumber) }, 'idNumber', /check character/],
      [{ ...person, idNumber: idNumberFrom('43090319990230123') }, 'idNumber', /does not exist/],
      [{ ...person, idNumber: idNumberFrom('43090320990101123') }, 'idNumber', /out of range/],
      [{ ...person, idNumber: idNumberFrom('99090319900101123') }, 'idNumber', /province/],
      [{ ...person, idNumber: idNumberFrom('43099919900101123') }, 'idNumber', /not a known region/],
      [{ ...person, regionCode: '430903999000' }, 'regionCode', /does not exist/],
      [{ ...person, regionCode: '4309' }, 'regionCode', /pattern/],
      [{ ...person, phone: undefined }, 'phone', /is required/],
      [{ ...person, phone: '12345' }, 'phone', /mobile/],
      [{ ...person, uscc: usccFrom('430903', 'MA4Q0008') }, 'uscc', /for organisations/],
      [{ ...person, nickname: '小王' }, 'nickname', /not a known field/],
      [{ ...person, kind: 'robot' }, 'kind', /must/],
      [{ kind: 'organization', name: '某公司', uscc: '91430902MA4Q00081Z', legalRepresentative: '某', regionCode: HESHAN_STREET }, 'uscc', /not allowed/],
      [{ kind: 'organization', name: '某公司', uscc: withWrongCheck(usccFrom('430902', 'MA4Q0009')), legalRepresentative: '某', regionCode: HESHAN_STREET }, 'uscc', /check character/],
      [{ kind: 'organization', name: '某公司', uscc: usccFrom('430902', 'MA4Q0010'), regionCode: HESHAN_STREET }, 'legalRepresentative', /is required/],
    ];
    for (const [payload, field, message] of cases) {
      const body = expectProblem(await post(admin, '/api/v1/subjects', payload), 400);
      const error = body.errors?.find((e) => e.field === field);
      expect(error, `${field} in ${JSON.stringify(body.errors)}`).toBeDefined();
      expect(error?.message).toMatch(message);
    }
    const many = expectProblem(await post(admin, '/api/v1/subjects', { kind: 'person', name: '王某', idNumber: '123', regionCode: '430903999000' }), 400);
    expect(many.errors?.map((e) => e.field).sort()).toEqual(['idNumber', 'phone', 'regionCode']);
  });

  it('refuses a registration outside the clerk\'s township', async () => {
    const res = await post(clerk, '/api/v1/subjects', { kind: 'person', name: '赵某', idNumber: ZHAO.idNumber, phone: ZHAO.phone, regionCode: DAMATOU_STREET });
    expect(expectProblem(res, 403).errors).toEqual([{ field: 'regionCode', message: 'outside your scope' }]);
    const created = await post(otherClerk, '/api/v1/subjects', { kind: 'person', name: '赵资阳', idNumber: ZHAO.idNumber, phone: ZHAO.phone, regionCode: DAMATOU_STREET });
    expect(created.statusCode).toBe(201);
    zhao = created.json() as SubjectJson;
  });

  it('stores the ID number and phone encrypted, with blind indexes, never in clear', async () => {
    const [row] = await t.database.db.select().from(subjects).where(eq(subjects.id, li.id));
    if (!row?.idNumberCipher || !row.phoneCipher) throw new Error('no ciphertexts stored');
    expect(row.idNumberCipher.includes(Buffer.from(LI.idNumber))).toBe(false);
    expect(row.phoneCipher.includes(Buffer.from(LI.phone))).toBe(false);
    expect(testCipher.decrypt('idNumber', row.keyId, row.idNumberCipher)).toBe(LI.idNumber);
    expect(testCipher.decrypt('phone', row.keyId, row.phoneCipher)).toBe(LI.phone);
    expect(row.idNumberIndex?.equals(testCipher.blindIndex('idNumber', LI.idNumber))).toBe(true);
    expect(row.phoneIndex?.equals(testCipher.blindIndex('phone', LI.phone))).toBe(true);
    expect(row.keyId).toBe(testCipher.activeKeyId);
    // Nothing in any column of the row, as text, is the clear number.
    const [raw] = await queryRows<Record<string, unknown>>(t.database.db, sql`select row_to_json(s)::text as j from subjects s where id = ${li.id}`);
    expect(String(raw?.j)).not.toContain(LI.idNumber);
    expect(String(raw?.j)).not.toContain(LI.phone);
    // Nor in the audit log.
    const [audit] = await queryRows<{ j: string }>(t.database.db, sql`select coalesce(string_agg(row_to_json(a)::text, ''), '') as j from audit_events a`);
    expect(audit?.j).not.toContain(LI.idNumber);
    expect(audit?.j).not.toContain(LI.phone);
  });
});

describe('finding subjects', () => {
  it('finds a person by ID number (exactly, through the blind index) and audits the search without the number', async () => {
    const res = await get(admin, `/api/v1/subjects?idNumber=${LI.idNumber.toLowerCase()}&purpose=${encodeURIComponent('办理营业执照')}`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: SubjectJson[]; nextCursor: string | null };
    expect(page.items.map((s) => s.id)).toEqual([li.id]);
    expect(page.nextCursor).toBeNull();
    expect(res.body).not.toContain(LI.idNumber);
    const [event] = await auditEvents('action=subject.search');
    expect(event).toMatchObject({ actorName: 'admin', purpose: '办理营业执照', subjectIds: [li.id], payload: { criterion: 'idNumber', count: 1 } });
    expect(JSON.stringify(event)).not.toContain(LI.idNumber);
    const none = await get(admin, `/api/v1/subjects?idNumber=${idNumberFrom('43090319900101999')}`);
    expect((none.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('finds by USCC and by phone', async () => {
    const uscc = usccFrom('430902', 'MA4Q0007');
    const byUscc = (await get(admin, `/api/v1/subjects?uscc=${uscc}`)).json() as { items: SubjectJson[] };
    expect(byUscc.items.map((s) => s.uscc)).toEqual([uscc]);
    const byPhone = (await get(admin, `/api/v1/subjects?phone=${encodeURIComponent('138 1234 5678')}`)).json() as { items: SubjectJson[] };
    expect(byPhone.items.map((s) => s.id)).toEqual([li.id]);
    expectProblem(await get(admin, `/api/v1/subjects?idNumber=${LI.idNumber}&uscc=${uscc}`), 400);
  });

  it('pages through a name search with cursors, newest first, each subject once', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(admin, '/api/v1/subjects', { kind: 'person', name: `分页测试${i}`, idNumber: idNumberFrom(`4309031990061${i}321`), phone: `1390000000${i}`, regionCode: HESHAN_STREET });
      expect(res.statusCode).toBe(201);
      created.push((res.json() as SubjectJson).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const res = await get(admin, `/api/v1/subjects?name=${encodeURIComponent('分页测试')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: SubjectJson[]; nextCursor: string | null };
      sizes.push(page.items.length);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    // Newest first = by UUIDv7 descending (ids made within one millisecond have no order among them).
    expect(seen).toEqual([...created].sort().reverse());
    expectProblem(await get(admin, '/api/v1/subjects?cursor=not-a-cursor'), 400);
    expectProblem(await get(admin, '/api/v1/subjects?limit=0'), 400);
    expectProblem(await get(admin, '/api/v1/subjects?limit=201'), 400);
  });
});

describe('scope: a township clerk sees her township', () => {
  it('lists only subjects of her township', async () => {
    const res = await get(clerk, '/api/v1/subjects?limit=200');
    const { items } = res.json() as { items: SubjectJson[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.regionCode.startsWith('430903001'))).toBe(true);
    expect(items.map((s) => s.id)).toContain(li.id);
    // Asking for a wider region gives nothing rather than an error or a leak.
    expect((await get(clerk, '/api/v1/subjects?regionCode=430900000000')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('gets 404 for a subject of another township, and the attempt is audited as access.denied', async () => {
    const res = await get(clerk, `/api/v1/subjects/${zhao.id}?purpose=${encodeURIComponent('好奇')}`);
    expectProblem(res, 404);
    expect(res.body).not.toContain('赵资阳');
    const denied = await auditEvents(`action=access.denied&targetId=${zhao.id}`);
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actorName: 'clerk.hsjd', purpose: '好奇', payload: { reason: 'region_scope', regionCode: DAMATOU_STREET, scopeRegionCode: HESHAN_STREET } });
    // The same 404 for a subject that does not exist at all: the answer does not tell them apart.
    const missing = await get(clerk, '/api/v1/subjects/0190a5b2-0000-7000-8000-000000000000');
    expect(expectProblem(missing, 404).title).toBe(expectProblem(res, 404).title);
  });

  it('finds nothing by the ID number of an out-of-scope person, and audits the attempt', async () => {
    const res = await get(clerk, `/api/v1/subjects?idNumber=${ZHAO.idNumber}`);
    expect((res.json() as { items: unknown[] }).items).toEqual([]);
    const denied = await auditEvents(`action=access.denied&targetId=${zhao.id}`);
    expect(denied[0]).toMatchObject({ actorName: 'clerk.hsjd', payload: { via: 'idNumber' } });
  });

  it('the clerk of that township reads it, and the read is audited with its purpose', async () => {
    const res = await get(otherClerk, `/api/v1/subjects/${zhao.id}?purpose=${encodeURIComponent('办理低保')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: zhao.id, name: '赵资阳', idNumber: `430902********${ZHAO.idNumber.slice(-4)}`, phone: '159****1234' });
    const [read] = await auditEvents(`action=subject.read&targetId=${zhao.id}`);
    expect(read).toMatchObject({ actorName: 'clerk.dmtjd', purpose: '办理低保', subjectIds: [zhao.id], payload: { crossDepartment: false } });
    const cross = await get(admin, `/api/v1/subjects/${zhao.id}`);
    expect(cross.statusCode).toBe(200);
    const [adminRead] = await auditEvents(`action=subject.read&targetId=${zhao.id}`);
    expect(adminRead).toMatchObject({ actorName: 'admin', payload: { crossDepartment: true } });
  });
});

describe('revealing the full ID number and phone', () => {
  it('needs a purpose, is audited, and stays within scope', async () => {
    const url = `/api/v1/subjects/${li.id}/reveal`;
    expect(expectProblem(await post(clerk, url, {}), 400).errors?.[0]?.field).toBe('purpose');
    expectProblem(await post(clerk, url, { purpose: ' ' }), 400);
    const res = await post(clerk, url, { purpose: '核对身份' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: LI.idNumber, phone: LI.phone });
    const [event] = await auditEvents(`action=subject.reveal&targetId=${li.id}`);
    expect(event).toMatchObject({ actorName: 'clerk.hsjd', purpose: '核对身份', subjectIds: [li.id] });
    expect(JSON.stringify(event)).not.toContain(LI.idNumber);
    // Another township's clerk gets 404; an auditor may not reveal at all.
    expectProblem(await post(otherClerk, url, { purpose: '核对身份' }), 404);
    expectProblem(await post(auditor, url, { purpose: '核对身份' }), 403);
  });
});

describe('the audit log over HTTP', () => {
  it('is for auditors: newest first, filtered, with a chain check', async () => {
    const res = await get(auditor, '/api/v1/audit?limit=5');
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: AuditJson[]; nextCursor: string };
    expect(page.items).toHaveLength(5);
    expect(page.items.map((e) => e.seq)).toEqual([...page.items.map((e) => e.seq)].sort((a, b) => b - a));
    const next = (await get(auditor, `/api/v1/audit?limit=5&cursor=${page.nextCursor}`)).json() as { items: AuditJson[] };
    expect(next.items[0]?.seq).toBe((page.items[4]?.seq ?? 0) - 1);
    expect((await auditEvents('action=subject.*')).every((e) => e.action.startsWith('subject.'))).toBe(true);
    const verify = await get(auditor, '/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true });
    expectProblem(await get(auditor, '/api/v1/audit?cursor=abc'), 400);
  });

  it('is forbidden to a clerk and to anonymous callers', async () => {
    expectProblem(await get(clerk, '/api/v1/audit'), 403);
    expectProblem(await get(clerk, '/api/v1/audit/verify'), 403);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/audit' }), 401);
  });
});
