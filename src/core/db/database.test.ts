import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness.js';
import { queryRows, type Database } from './database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`create table tx_probe (n integer not null)`);
});
afterAll(async () => database?.close());

const count = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from tx_probe`))[0]?.n;

/** A transaction that inserts one row, then stays open until `finish` is called. */
function openTransaction(outcome: 'commit' | 'rollback') {
  let finish: () => void = () => {};
  const gate = new Promise<void>((resolve) => { finish = resolve; });
  let opened: () => void = () => {};
  const isOpen = new Promise<void>((resolve) => { opened = resolve; });
  const done = database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into tx_probe values (1)`);
    opened();
    await gate;
    await tx.execute(sql`insert into tx_probe values (2)`);
    if (outcome === 'rollback') throw new Error('roll back');
  });
  return { isOpen, finish, done };
}

const settledWithin = async (p: Promise<unknown>, ms: number) => {
  let settled = false;
  void p.then(() => { settled = true; }, () => { settled = true; });
  await new Promise((r) => setTimeout(r, ms));
  return settled;
};

describe('transactions and other work on the same database', () => {
  it('a plain query made while a transaction is open never runs inside it', async () => {
    await database.db.execute(sql`delete from tx_probe`);
    const tx = openTransaction('commit');
    await tx.isOpen;
    const outside = count();
    if (database.kind === 'pglite') {
      // One connection: the query waits for the commit, then sees both rows.
      expect(await settledWithin(outside, 150)).toBe(false);
      tx.finish();
      await tx.done;
      expect(await outside).toBe(2);
    } else {
      // A pool: the query runs at once on another connection and sees nothing uncommitted.
      expect(await outside).toBe(0);
      tx.finish();
      await tx.done;
      expect(await count()).toBe(2);
    }
  });

  it('a write made while a transaction is open is not rolled back with it', async () => {
    await database.db.execute(sql`delete from tx_probe`);
    const tx = openTransaction('rollback');
    await tx.isOpen;
    const outside = (async () => database.db.execute(sql`insert into tx_probe values (10)`))(); // a Drizzle query runs on every then(): run it once
    if (database.kind === 'pglite') expect(await settledWithin(outside, 150)).toBe(false);
    tx.finish();
    await expect(tx.done).rejects.toThrow('roll back');
    await outside;
    expect(await queryRows<{ n: number }>(database.db, sql`select n from tx_probe`)).toEqual([{ n: 10 }]);
  });

  it('a queue poll (FOR UPDATE SKIP LOCKED) during an open transaction does not see its rows', async () => {
    await database.db.execute(sql`delete from tx_probe`);
    const tx = openTransaction('commit');
    await tx.isOpen;
    const poll = queryRows<{ n: number }>(database.db, sql`select n from tx_probe order by n for update skip locked`);
    if (database.kind === 'pglite') {
      expect(await settledWithin(poll, 150)).toBe(false);
      tx.finish();
      await tx.done;
      expect(await poll).toEqual([{ n: 1 }, { n: 2 }]);
    } else {
      expect(await poll).toEqual([]);
      tx.finish();
      await tx.done;
    }
  });
});
