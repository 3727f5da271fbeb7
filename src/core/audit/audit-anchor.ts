import { asc, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import { canonicalJson } from '../crypto/canonical-json.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Db } from '../db/database.js';
import { assertCan, type Actor } from '../access/access.js';
import { verifyAuditChain, type ChainVerification } from './audit.service.js';
import { auditAnchors, auditChainHead, auditEvents } from './audit.schema.js';

const PURPOSE = 'audit-anchor';

function anchorMac(cipher: FieldCipher, seq: number, hash: string, anchoredAt: Date): string {
  return cipher.mac(PURPOSE, canonicalJson({ seq, hash, anchoredAt: anchoredAt.toISOString() }));
}

/** Anchors the chain's current head (once per head position); the hourly chore and `audit verify` call it. */
export async function anchorAuditChain(db: Db, cipher: FieldCipher, clock: Clock): Promise<{ seq: number } | undefined> {
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  if (!head || head.seq === 0) return undefined;
  const anchoredAt = clock.now();
  await db
    .insert(auditAnchors)
    .values({ seq: head.seq, hash: head.hash, anchoredAt, mac: anchorMac(cipher, head.seq, head.hash, anchoredAt) })
    .onConflictDoNothing();
  return { seq: head.seq };
}

/** What checking the anchors found: the first anchor that fails, if any. */
export interface AnchorCheck {
  ok: boolean;
  anchors: number;
  broken?: { seq: number; reason: string };
}

/**
 * Checks every anchor: its MAC, that the chain still reaches its position, and that the event
 * there still has the anchored hash. Run after `verifyAuditChain`, which checks the links.
 */
export async function verifyAuditAnchors(db: Db, cipher: FieldCipher, headSeq: number): Promise<AnchorCheck> {
  const anchors = await db.select().from(auditAnchors).orderBy(asc(auditAnchors.seq));
  for (let i = 0; i < anchors.length; i += 1000) {
    const slice = anchors.slice(i, i + 1000);
    const events = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(inArray(auditEvents.seq, slice.map((a) => a.seq)));
    const hashAt = new Map(events.map((e) => [e.seq, e.hash]));
    for (const a of slice) {
      const fail = (reason: string): AnchorCheck => ({ ok: false, anchors: anchors.length, broken: { seq: a.seq, reason } });
      if (a.mac !== anchorMac(cipher, a.seq, a.hash, a.anchoredAt)) return fail('anchor MAC does not match: the anchor was forged or altered');
      if (a.seq > headSeq) return fail(`the chain ends at ${headSeq} but was anchored at ${a.seq}: events were cut off`);
      if (hashAt.get(a.seq) !== a.hash) return fail('the event no longer has the hash it was anchored with: the chain was rewritten');
    }
  }
  return { ok: true, anchors: anchors.length };
}

/** The chain's links, then its anchors: the whole check behind `mianzheng audit verify`. */
export async function verifyAuditTrail(db: Db, cipher: FieldCipher, onProgress?: (checked: number, total: number) => void): Promise<ChainVerification & { anchors: number }> {
  const chain = await verifyAuditChain(db, onProgress);
  if (!chain.ok) return { ...chain, anchors: 0 };
  const anchors = await verifyAuditAnchors(db, cipher, chain.headSeq);
  if (!anchors.ok && anchors.broken) return { ok: false, checked: chain.checked, headSeq: chain.headSeq, broken: anchors.broken, anchors: anchors.anchors };
  return { ...chain, anchors: anchors.anchors };
}

/** The whole check on behalf of an auditor. */
export async function verifyAuditTrailAs(ctx: { db: Db; cipher: FieldCipher; actor: Actor }): Promise<ChainVerification & { anchors: number }> {
  assertCan(ctx.actor, 'audit.read');
  return verifyAuditTrail(ctx.db, ctx.cipher);
}
