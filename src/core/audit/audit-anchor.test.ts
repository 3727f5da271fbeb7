import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/access.js';
import { systemClock } from '../clock.js';
import type { Database } from '../db/database.js';
import { openTestDatabase, testCipher } from '../../test/harness.js';
import { tamperWithAudit } from '../../test/audit-tamper.js';
import { anchorAuditChain, verifyAuditTrail } from './audit-anchor.js';
import { findAuditEvents, recordAudit } from './audit.service.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

const ctx = { actor: systemActor, clock: systemClock };
const append = async (n: number) => {
  for (let i = 0; i < n; i++) await recordAudit(database.db, ctx, { action: 'test.event', payload: { i } });
};

describe('audit anchors', () => {
  it('anchors the head once per position and verifies', async () => {
    await append(5);
    expect(await anchorAuditChain(database.db, testCipher, systemClock)).toEqual({ seq: 5 });
    expect(await anchorAuditChain(database.db, testCipher, systemClock)).toEqual({ seq: 5 });
    await append(3);
    await anchorAuditChain(database.db, testCipher, systemClock);
    expect(await verifyAuditTrail(database.db, testCipher)).toEqual({ ok: true, checked: 8, headSeq: 8, anchors: 2 });
  });

  it('refuses changes to anchors and catches a chain cut short behind them', async () => {
    const refusal = await database.db.execute(sql`delete from audit_anchors`).catch((err: Error) => err);
    expect(String((refusal as Error).cause ?? refusal)).toMatch(/append-only/);
    // An attacker who can write the database removes the last three events and moves the head back:
    // the links alone still look whole, the anchor at 8 does not.
    const [event5] = await findAuditEvents(database.db, { beforeSeq: 6, limit: 1 });
    await tamperWithAudit(database, sql`delete from audit_events where seq > 5`, sql`update audit_chain_head set seq = 5, hash = ${event5?.hash ?? ''}`);
    expect(await verifyAuditTrail(database.db, testCipher)).toMatchObject({ ok: false, broken: { seq: 8, reason: expect.stringContaining('cut off') } });
  });

  it('catches a rewritten tail and a forged anchor', async () => {
    const fresh = await openTestDatabase();
    try {
      for (let i = 0; i < 4; i++) await recordAudit(fresh.db, ctx, { action: 'test.event', payload: { i } });
      await anchorAuditChain(fresh.db, testCipher, systemClock);
      // Cut back to event 2 and append two new events through the real code path: every link holds.
      const [event2] = await findAuditEvents(fresh.db, { beforeSeq: 3, limit: 1 });
      await tamperWithAudit(fresh, sql`delete from audit_events where seq > 2`, sql`update audit_chain_head set seq = 2, hash = ${event2?.hash ?? ''}`);
      for (let i = 0; i < 2; i++) await recordAudit(fresh.db, ctx, { action: 'test.event', payload: { i: `forged ${i}` } });
      expect(await verifyAuditTrail(fresh.db, testCipher)).toMatchObject({ ok: false, broken: { seq: 4, reason: expect.stringContaining('rewritten') } });
    } finally {
      await fresh.close();
    }
    const other = await openTestDatabase();
    try {
      await recordAudit(other.db, ctx, { action: 'test.event' });
      await other.db.execute(sql`insert into audit_anchors (seq, hash, anchored_at, mac) select seq, hash, now(), repeat('0', 64) from audit_chain_head`);
      expect(await verifyAuditTrail(other.db, testCipher)).toMatchObject({ ok: false, broken: { seq: 1, reason: expect.stringContaining('forged') } });
    } finally {
      await other.close();
    }
  });
});
