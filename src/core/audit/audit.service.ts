import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { assertCan, type Actor } from '../access/access.js';
import type { Clock } from '../clock.js';
import { canonicalJson } from '../crypto/canonical-json.js';
import { sm3Hex } from '../crypto/sm3.js';
import type { Db, DbOrTx, Tx } from '../db/database.js';
import { invalid } from '../errors.js';
import { auditChainHead, auditEvents } from './audit.schema.js';

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** One thing that happened, as a module reports it. */
export interface AuditInput {
  action: string;
  targetType?: string;
  targetId?: string;
  purpose?: string;
  /** Subjects whose data the action touched (they can later ask who read their data). */
  subjectIds?: string[];
  /** Details without personal data. */
  payload?: Record<string, unknown>;
}

/** Who acted, when, in which request. */
export interface AuditContext {
  actor: Actor;
  clock: Clock;
  requestId?: string;
}

/** Hash of the empty chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers, in the form that is hashed (canonical JSON, RFC 8785). */
function hashInput(e: Omit<AuditEventRow, 'hash' | 'payload'>): string {
  return canonicalJson({
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorKind: e.actorKind,
    actorId: e.actorId,
    actorName: e.actorName,
    actorDepartmentId: e.actorDepartmentId,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    purpose: e.purpose,
    requestId: e.requestId,
    subjectIds: e.subjectIds,
    payloadDigest: e.payloadDigest,
    prevHash: e.prevHash,
  });
}

/**
 * Appends events to the chain inside `tx`. The chain head row is locked for the rest of the
 * transaction, so concurrent writers queue and each links to the one before; if `tx` rolls back,
 * its events vanish with it and the chain stays whole.
 */
export async function appendAuditEvents(tx: Tx, ctx: AuditContext, inputs: AuditInput[]): Promise<AuditEventRow[]> {
  if (inputs.length === 0) return [];
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  if (!head) throw new Error('audit chain head is missing: run migrations');
  let { seq, hash: prevHash } = head;
  const occurredAt = ctx.clock.now();
  const rows: AuditEventRow[] = inputs.map((input) => {
    seq += 1;
    const payload = input.payload ?? {};
    const base = {
      seq,
      occurredAt,
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      actorDepartmentId: ctx.actor.departmentId,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      purpose: input.purpose ?? null,
      requestId: ctx.requestId ?? null,
      subjectIds: input.subjectIds ?? [],
      payloadDigest: sm3Hex(canonicalJson(payload)),
      prevHash,
    };
    const row = { ...base, payload, hash: sm3Hex(hashInput(base)) };
    prevHash = row.hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditEvents).values(rows.slice(i, i + 1000));
  await tx.update(auditChainHead).set({ seq, hash: prevHash }).where(eq(auditChainHead.id, 1));
  return rows;
}

/** Records one event: inside the caller's transaction when given one, else in a transaction of its own. */
export async function recordAudit(db: DbOrTx, ctx: AuditContext, input: AuditInput): Promise<AuditEventRow> {
  const [row] = await db.transaction((tx) => appendAuditEvents(tx, ctx, [input]));
  if (!row) throw new Error('audit append returned nothing');
  return row;
}

/** Result of walking the chain. */
export interface ChainVerification {
  ok: boolean;
  /** Events checked. */
  checked: number;
  /** Sequence of the last event checked. */
  headSeq: number;
  /** The first broken link, if any: which event and what is wrong with it. */
  broken?: { seq: number; reason: string };
}

/**
 * Walks the chain from the first event, recomputing every payload digest and hash and checking
 * each link and that no sequence number is missing; names the first broken link. Events appended
 * while it walks are walked too; the chain head must agree with the last event at the end.
 */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
  pageSize = 5000,
): Promise<ChainVerification> {
  const readHead = async () => (await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)))[0] ?? { seq: 0, hash: GENESIS_HASH };
  const total = (await readHead()).seq;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let headSeen = -1;
  const fail = (seq: number, reason: string): ChainVerification => ({ ok: false, checked, headSeq: expectedSeq - 1, broken: { seq, reason } });
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.seq, expectedSeq - 1)).orderBy(asc(auditEvents.seq)).limit(pageSize);
    for (const e of page) {
      if (e.seq !== expectedSeq) return fail(expectedSeq, `event ${expectedSeq} is missing (next present is ${e.seq})`);
      if (e.prevHash !== prevHash) return fail(e.seq, 'previous-hash link does not match the event before it');
      if (sm3Hex(canonicalJson(e.payload)) !== e.payloadDigest) return fail(e.seq, 'payload does not match its digest');
      if (sm3Hex(hashInput(e)) !== e.hash) return fail(e.seq, 'event content does not match its hash');
      prevHash = e.hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked, total);
    if (page.length === pageSize) continue;
    // The head is moved in the same transaction as its events, so read after the last page it counts
    // at least the events walked. If it counts more and has moved since we last looked, they were
    // appended meanwhile: walk on. Otherwise it must name the last event walked.
    const head = await readHead();
    const linked = expectedSeq - 1;
    if (head.seq > linked && head.seq !== headSeen) {
      headSeen = head.seq;
      continue;
    }
    if (head.seq !== linked) return fail(head.seq, `chain head says ${head.seq} events but ${linked} are linked`);
    if (head.hash !== prevHash) return fail(head.seq, 'chain head hash does not match the last event');
    return { ok: true, checked, headSeq: linked };
  }
}

/** Filters for reading the audit log. */
export interface AuditQuery {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  /** Return events with seq below this (newest first paging). */
  beforeSeq?: number;
  limit: number;
}

/** Events matching the filters, newest first. */
export async function findAuditEvents(db: Db, q: AuditQuery): Promise<AuditEventRow[]> {
  const where: SQL[] = [];
  if (q.action) where.push(q.action.endsWith('.*') ? sql`${auditEvents.action} like ${`${q.action.slice(0, -1)}%`}` : eq(auditEvents.action, q.action));
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.targetType) where.push(eq(auditEvents.targetType, q.targetType));
  if (q.targetId) where.push(eq(auditEvents.targetId, q.targetId));
  if (q.subjectId) where.push(sql`${auditEvents.subjectIds} @> array[${q.subjectId}]::uuid[]`);
  if (q.from) where.push(sql`${auditEvents.occurredAt} >= ${q.from.toISOString()}`);
  if (q.to) where.push(sql`${auditEvents.occurredAt} < ${q.to.toISOString()}`);
  if (q.beforeSeq !== undefined) where.push(lt(auditEvents.seq, q.beforeSeq));
  return db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.seq)).limit(q.limit);
}

/** The audit log for an auditor: newest first, a page at a time (cursor = the last seq shown). */
export async function listAuditEvents(
  ctx: AuditContext & { db: Db },
  q: Omit<AuditQuery, 'beforeSeq' | 'limit'> & { cursor?: string | undefined; limit: number },
): Promise<{ items: AuditEventRow[]; nextCursor: string | null }> {
  assertCan(ctx.actor, 'audit.read');
  const { cursor, limit, ...filters } = q;
  if (cursor !== undefined && !/^\d{1,15}$/.test(cursor)) throw invalid([{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
  const rows = await findAuditEvents(ctx.db, { ...filters, ...(cursor ? { beforeSeq: Number(cursor) } : {}), limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? String(items.at(-1)?.seq) : null };
}
