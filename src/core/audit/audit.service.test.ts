import { asc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tamperWithAudit } from '../../test/audit-tamper.js';
import { openTestDatabase, testDeps } from '../../test/harness.js';
import { systemActor, type Actor } from '../access/access.js';
import { canonicalJson } from '../crypto/canonical-json.js';
import { sm3Hex } from '../crypto/sm3.js';
import type { Database } from '../db/database.js';
import { uuidv7 } from '../ids/uuid.js';
import { auditChainHead, auditEvents } from './audit.schema.js';
import { GENESIS_HASH, appendAuditEvents, listAuditEvents, recordAudit, verifyAuditChain, type AuditContext, type AuditEventRow } from './audit.service.js';

let database: Database;
let ctx: AuditContext;

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = { actor: systemActor, clock: testDeps(database).clock, requestId: 'req-1' };
});
afterAll(async () => database?.close());

const staffActor = (roles: Actor['roles']): Actor => ({
  kind: 'staff', id: uuidv7(), name: roles.join('+'), departmentId: null, roles, scope: { regionCode: '430900000000', departmentIds: [] },
});

async function events(): Promise<AuditEventRow[]> {
  return database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
}

async function head(): Promise<{ seq: number; hash: string }> {
  const [row] = await database.db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  if (!row) throw new Error('no chain head');
  return row;
}

/** The promise rejects with PostgreSQL's own refusal from the append-only trigger. */
async function expectRefused(query: Promise<unknown>, operation: 'UPDATE' | 'DELETE' | 'TRUNCATE'): Promise<void> {
  await expect(query).rejects.toMatchObject({ cause: { code: '42501', message: `audit_events is append-only: ${operation} refused` } });
}

describe('audit chain', () => {
  it('starts empty and verifies', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 0, headSeq: 0 });
  });

  it('appends events that link to each other and verify', async () => {
    const subjectId = uuidv7();
    const first = await recordAudit(database.db, ctx, { action: 'subject.create', targetType: 'subject', targetId: subjectId, subjectIds: [subjectId], payload: { kind: 'person' } });
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, actorKind: 'system', action: 'subject.create', requestId: 'req-1' });
    expect(first.payloadDigest).toBe(sm3Hex(canonicalJson({ kind: 'person' })));
    const batch = await database.db.transaction((tx) =>
      appendAuditEvents(tx, ctx, [
        { action: 'subject.read', purpose: '核对身份', subjectIds: [subjectId], payload: { crossDepartment: false } },
        { action: 'subject.search', payload: { criterion: 'name', count: 3, nested: { b: [1, 2], a: '免证' } } },
        { action: 'staff.update' },
      ]),
    );
    expect(batch.map((e) => e.seq)).toEqual([2, 3, 4]);
    const stored = await events();
    expect(stored).toHaveLength(4);
    stored.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : stored[i - 1]?.hash));
    expect(new Set(stored.map((e) => e.hash)).size).toBe(4);
    expect(await head()).toEqual({ id: 1, seq: 4, hash: stored[3]?.hash });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 4, headSeq: 4 });
    // The same walk a page at a time.
    expect(await verifyAuditChain(database.db, undefined, 3)).toEqual({ ok: true, checked: 4, headSeq: 4 });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await expectRefused(database.db.execute(sql`update audit_events set action = 'forged' where seq = 2`), 'UPDATE');
    await expectRefused(database.db.execute(sql`update audit_events set payload = '{}'::jsonb`), 'UPDATE');
    await expectRefused(database.db.execute(sql`delete from audit_events where seq = 4`), 'DELETE');
    await expectRefused(database.db.execute(sql`truncate audit_events`), 'TRUNCATE');
    expect(await events()).toHaveLength(4);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  describe('tampering past the triggers is detected and located', () => {
    beforeAll(async () => {
      for (let i = 0; i < 6; i++) await recordAudit(database.db, ctx, { action: 'filler', payload: { i } });
    });

    /** Tampers, checks what verify reports, puts the original rows back and checks the chain is whole again. */
    async function expectDetected(tamper: () => Promise<void>, broken: { seq: number; reason: string | RegExp }): Promise<void> {
      const original = await events();
      await tamper();
      for (const pageSize of [5000, 4]) {
        const result = await verifyAuditChain(database.db, undefined, pageSize);
        expect(result.ok).toBe(false);
        expect(result.broken?.seq).toBe(broken.seq);
        expect(result.broken?.reason).toMatch(broken.reason);
        expect(result.checked).toBe(Math.min(broken.seq - 1, original.length));
      }
      // Restore: put every original row back as it was.
      await tamperWithAudit(database, sql`delete from audit_events`);
      await database.db.insert(auditEvents).values(original);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: original.length });
      // The triggers are on again.
      await expectRefused(database.db.execute(sql`delete from audit_events where seq = 1`), 'DELETE');
    }

    it('an altered payload', async () => {
      await expectDetected(
        () => tamperWithAudit(database, sql`update audit_events set payload = '{"i": 99}'::jsonb where seq = 6`),
        { seq: 6, reason: 'payload does not match its digest' },
      );
    });

    it('an altered payload whose digest was recomputed', async () => {
      const forged = { i: 99 };
      await expectDetected(
        () => tamperWithAudit(database, sql`update audit_events set payload = ${JSON.stringify(forged)}::jsonb, payload_digest = ${sm3Hex(canonicalJson(forged))} where seq = 6`),
        { seq: 6, reason: 'event content does not match its hash' },
      );
    });

    it('an altered field other than the payload (purpose)', async () => {
      await expectDetected(
        () => tamperWithAudit(database, sql`update audit_events set purpose = '另有目的' where seq = 2`),
        { seq: 2, reason: 'event content does not match its hash' },
      );
    });

    it('an altered hash', async () => {
      await expectDetected(
        () => tamperWithAudit(database, sql`update audit_events set hash = ${'f'.repeat(64)} where seq = 3`),
        { seq: 3, reason: 'event content does not match its hash' },
      );
    });

    it('an event rewritten with a recomputed hash breaks the link of the next one', async () => {
      const [target] = await database.db.select().from(auditEvents).where(eq(auditEvents.seq, 5));
      if (!target) throw new Error('no event 5');
      const forged = { ...target, action: 'nothing.happened' };
      const hash = sm3Hex(canonicalJson({ ...forged, hash: undefined, payload: undefined, occurredAt: forged.occurredAt.toISOString() }));
      await expectDetected(
        () => tamperWithAudit(database, sql`update audit_events set action = ${forged.action}, hash = ${hash} where seq = 5`),
        { seq: 6, reason: 'previous-hash link does not match the event before it' },
      );
    });

    it('a deleted event', async () => {
      await expectDetected(() => tamperWithAudit(database, sql`delete from audit_events where seq = 4`), { seq: 4, reason: 'event 4 is missing (next present is 5)' });
    });

    it('a deleted first event', async () => {
      await expectDetected(() => tamperWithAudit(database, sql`delete from audit_events where seq = 1`), { seq: 1, reason: 'event 1 is missing (next present is 2)' });
    });

    it('a deleted last event (the chain head still counts it)', async () => {
      const { seq } = await head();
      await expectDetected(() => tamperWithAudit(database, sql`delete from audit_events where seq = ${seq}`), { seq, reason: `chain head says ${seq} events but ${seq - 1} are linked` });
    });

    it('a chain head whose hash was changed', async () => {
      const { seq, hash } = await head();
      await database.db.update(auditChainHead).set({ hash: 'e'.repeat(64) }).where(eq(auditChainHead.id, 1));
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, broken: { seq, reason: 'chain head hash does not match the last event' } });
      await database.db.update(auditChainHead).set({ hash }).where(eq(auditChainHead.id, 1));
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });

    it('two tamperings: the first one is named', async () => {
      await expectDetected(
        () => tamperWithAudit(database, sql`update audit_events set payload = '{}'::jsonb where seq = 7`, sql`delete from audit_events where seq = 3`),
        { seq: 3, reason: /event 3 is missing/ },
      );
    });
  });

  describe('concurrency and transactions', () => {
    it('50 concurrent writers still form one gapless chain', async () => {
      const before = (await head()).seq;
      const rows = await Promise.all(Array.from({ length: 50 }, (_, i) => recordAudit(database.db, ctx, { action: 'concurrent', payload: { i } })));
      expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
      // On PostgreSQL the writers really ran on several pooled connections at once.
      if (database.pool) expect(database.pool.totalCount).toBeGreaterThan(1);
      expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: before + 50, headSeq: before + 50 });
    });

    it('a rolled-back transaction leaves no event and no gap', async () => {
      const before = (await head()).seq;
      await expect(
        database.db.transaction(async (tx) => {
          await appendAuditEvents(tx, ctx, [{ action: 'doomed' }, { action: 'doomed' }]);
          await recordAudit(tx, ctx, { action: 'doomed' }); // nested: a savepoint inside the transaction
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'doomed'))).toEqual([]);
      expect((await head()).seq).toBe(before);
      const next = await recordAudit(database.db, ctx, { action: 'after' });
      expect(next.seq).toBe(before + 1);
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });

    it('refuses to hash text the database would store differently, and leaves the chain whole', async () => {
      // An unpaired surrogate would be stored as U+FFFD, so the stored event would no longer match its hash.
      const before = (await head()).seq;
      await expect(recordAudit(database.db, ctx, { action: 'subject.reveal', purpose: 'ab\ud800cd' })).rejects.toThrow(/unpaired surrogate/);
      await expect(recordAudit(database.db, ctx, { action: 'x', payload: { note: '\udfff' } })).rejects.toThrow(/unpaired surrogate/);
      expect((await head()).seq).toBe(before);
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });

    it('property: whatever payload is recorded reads back as it was hashed, or is refused without a trace', async () => {
      // Any code point (NUL included), now and then an unpaired surrogate.
      const unit = fc.oneof({ weight: 300, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff') });
      const payload = fc.dictionary(fc.string({ unit, maxLength: 6 }), fc.jsonValue({ stringUnit: unit, maxDepth: 3 }), { maxKeys: 4 }).map((p) => ({ ...p }));
      let recorded = 0;
      await fc.assert(
        fc.asyncProperty(payload, fc.string({ unit, maxLength: 8 }), async (p, purpose) => {
          const before = (await head()).seq;
          try {
            await recordAudit(database.db, ctx, { action: 'property', purpose, payload: p });
            recorded += 1;
          } catch {
            expect((await head()).seq).toBe(before); // refused (NUL or an unpaired surrogate): nothing written
          }
        }),
        { numRuns: 60 },
      );
      expect(recorded).toBeGreaterThan(20);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    });

    it('a writer waiting behind a transaction that rolls back takes the free sequence number', async () => {
      const before = (await head()).seq;
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => { release = resolve; });
      let appended: () => void = () => {};
      const holding = new Promise<void>((resolve) => { appended = resolve; });
      const doomed = database.db.transaction(async (tx) => {
        await appendAuditEvents(tx, ctx, [{ action: 'doomed' }]);
        appended();
        await gate;
        throw new Error('roll back');
      });
      await holding;
      const waiting = recordAudit(database.db, ctx, { action: 'waited' });
      await new Promise((r) => setTimeout(r, 50));
      release();
      await expect(doomed).rejects.toThrow('roll back');
      expect((await waiting).seq).toBe(before + 1);
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });
  });

  describe('verifying a chain that is in use', () => {
    it('events appended while the walk runs are not a false alarm', async () => {
      const appends: Promise<unknown>[] = [];
      const during = await verifyAuditChain(
        database.db,
        () => { if (appends.length < 3) appends.push(recordAudit(database.db, ctx, { action: 'during.verify' })); },
        2,
      );
      await Promise.all(appends);
      expect(during.ok).toBe(true);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, headSeq: (await head()).seq });
    });

    it('an event inserted past the head (the head not moved) is still found', async () => {
      const { seq, hash } = await head();
      const forged = { seq: seq + 1, occurredAt: new Date(), actorKind: 'system', actorId: 'x', actorName: 'x', actorDepartmentId: null, action: 'forged', targetType: null, targetId: null, purpose: null, requestId: null, subjectIds: [], payloadDigest: sm3Hex(canonicalJson({})), prevHash: hash };
      await database.db.insert(auditEvents).values({ ...forged, payload: {}, hash: sm3Hex(canonicalJson({ ...forged, occurredAt: forged.occurredAt.toISOString() })) });
      const result = await verifyAuditChain(database.db);
      expect(result).toMatchObject({ ok: false, broken: { reason: `chain head says ${seq} events but ${seq + 1} are linked` } });
      await tamperWithAudit(database, sql`delete from audit_events where seq = ${seq + 1}`);
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });
  });

  describe('reading the log', () => {
    it('is for auditors: newest first, filtered, a page at a time', async () => {
      const subjectId = uuidv7();
      await recordAudit(database.db, ctx, { action: 'subject.reveal', subjectIds: [subjectId], purpose: '核对身份' });
      const auditor = { db: database.db, clock: ctx.clock, actor: staffActor(['auditor']) };
      const all = await listAuditEvents(auditor, { limit: 10 });
      expect(all.items).toHaveLength(10);
      expect(all.items[0]?.action).toBe('subject.reveal');
      expect(all.items.map((e) => e.seq)).toEqual([...all.items.map((e) => e.seq)].sort((a, b) => b - a));
      const next = await listAuditEvents(auditor, { limit: 10, cursor: all.nextCursor ?? undefined });
      expect(next.items[0]?.seq).toBe((all.items[9]?.seq ?? 0) - 1);
      const subjectActions = await listAuditEvents(auditor, { action: 'subject.*', limit: 100 });
      expect(new Set(subjectActions.items.map((e) => e.action))).toEqual(new Set(['subject.create', 'subject.read', 'subject.search', 'subject.reveal']));
      const aboutSubject = await listAuditEvents(auditor, { subjectId, limit: 100 });
      expect(aboutSubject.items.map((e) => e.action)).toEqual(['subject.reveal']);
      await expect(listAuditEvents(auditor, { limit: 10, cursor: 'abc' })).rejects.toMatchObject({ code: 'invalid' });
      await expect(listAuditEvents({ ...auditor, actor: staffActor(['clerk']) }, { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    });
  });
});
