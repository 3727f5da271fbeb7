import { asc, inArray, isNull, sql } from 'drizzle-orm';
import { systemActor } from '../core/access/access.js';
import { appendAuditEvents } from '../core/audit/audit.service.js';
import type { Deps } from '../core/context.js';
import type { Sm2KeyPair } from '../core/crypto/sm2.js';
import { queryRows, type Db, type Tx } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import { licenseDocument } from './license-document.js';
import type { LicenseTypeRow } from './license-type.service.js';
import { licenses, licenseTypes } from './license.schema.js';
import type { LicenseRow } from './license.service.js';
import { createSigningPool, type SigningPool } from './signing.pool.js';
import { departmentSigner, type DepartmentSigner } from './signing.service.js';

/** How the signer runs. */
export interface SignerOptions {
  /** Rows claimed per transaction (default 1000). */
  batchSize?: number;
  /** Signing worker threads (default one per core); ignored when `pool` is given. */
  workers?: number;
  /** An open pool to use (and leave open); otherwise one is started and stopped. */
  pool?: SigningPool;
  /** Stop after about this many signatures (benchmarks); default: until nothing is pending. */
  limit?: number;
  /** Batches claimed at once, each in its own transaction (PostgreSQL: 2, so the database works while the workers sign; PGlite: 1). */
  concurrency?: number;
  onProgress?: (signed: number) => void;
  /** Asked before each batch; true ends the run (a server shutting down). */
  shouldStop?: () => boolean;
}

/** Number of licences waiting for their signature. */
export async function countUnsignedLicenses(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from licenses where signature is null`);
  return Number(row?.n ?? 0);
}

/**
 * Signs licences written without a signature (bulk imports): claims a batch of unsigned rows with
 * `FOR UPDATE SKIP LOCKED`, signs each row's document with its issuing department's active key in
 * worker threads (SM2 with SM3 over canonical JSON, RFC 8785), and writes signature, key, time and
 * the digest of what was signed — all in the claiming transaction. Any number of signers may run
 * at once, in any number of processes: each row is claimed by one; a crash rolls its batch back to
 * unsigned for the next signer. Returns how many were signed.
 */
export async function signPendingLicenses(deps: Deps, options: SignerOptions = {}): Promise<{ signed: number }> {
  const pool = options.pool ?? createSigningPool(options.workers);
  const batchSize = options.batchSize ?? 1000;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const cache: SignerCache = { types: new Map(), signers: new Map() };
  let signed = 0;
  try {
    const loop = async () => {
      while (signed < limit && !options.shouldStop?.()) {
        const n = await signBatch(deps, pool, cache, Math.min(batchSize, Math.max(1, limit - signed)));
        if (n === 0) return;
        signed += n;
        options.onProgress?.(signed);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
  } finally {
    if (!options.pool) await pool.close();
  }
  return { signed };
}

/** What a signing run loads once: the catalogue and the department signers. */
interface SignerCache {
  types: Map<string, LicenseTypeRow>;
  signers: Map<string, DepartmentSigner>;
}

/** Claims, signs and writes one batch; returns how many rows it signed (0 when none is pending). */
async function signBatch(deps: Deps, pool: SigningPool, cache: SignerCache, batchSize: number): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx.select().from(licenses).where(isNull(licenses.signature)).orderBy(asc(licenses.createdAt)).limit(batchSize).for('update', { skipLocked: true });
    if (rows.length === 0) return 0;
    await loadMissing(tx, deps, cache, rows);
    const previous = await previousIdentifiers(tx, rows);
    const keys = new Map<string, Sm2KeyPair>();
    const items = rows.map((row) => {
      const type = cache.types.get(row.typeCode);
      const signer = cache.signers.get(row.issuerDepartmentId);
      if (!type || !signer) throw new Error(`licence ${row.id}: type ${row.typeCode} or the signing key of ${row.issuerDepartmentId} is missing`);
      keys.set(signer.keyId, signer.keys);
      const holderCode = row.holderCodeCipher && row.keyId ? deps.cipher.decrypt('holderCode', row.keyId, row.holderCodeCipher) : row.holderCode;
      return { keyId: signer.keyId, document: licenseDocument(row, type, holderCode, row.previousId ? (previous.get(row.previousId) ?? null) : null) };
    });
    const outputs = await pool.sign(items, keys);
    const now = deps.clock.now();
    const batch = JSON.stringify(rows.map((row, i) => ({ id: row.id, sig: outputs[i]?.signature, key: items[i]?.keyId, dg: outputs[i]?.digest })));
    const imports = await queryRows<{ import_id: string; n: number | string }>(
      tx,
      sql`with v as (select * from json_to_recordset(${batch}::json) as v(id uuid, sig text, key uuid, dg text)),
          s as (
            update licenses set signature = decode(v.sig, 'hex'), signing_key_id = v.key, signed_at = ${now.toISOString()}::timestamptz, document_digest = v.dg
            from v where licenses.id = v.id and licenses.signature is null
            returning licenses.import_id
          ),
          c as (select import_id, count(*) as n from s where import_id is not null group by import_id),
          u as (update license_imports set signed = signed + c.n from c where license_imports.id = c.import_id returning license_imports.id)
          select import_id, n from c`,
    );
    await appendAuditEvents(tx, { actor: systemActor, clock: deps.clock }, [{
      action: 'license.sign',
      targetType: 'license',
      payload: { count: rows.length, keys: [...keys.keys()], imports: imports.map((r) => ({ id: r.import_id, signed: Number(r.n) })) },
    }]);
    return rows.length;
  });
}

/** Loads the types and department signers a batch needs that the run has not seen yet. */
async function loadMissing(tx: Tx, deps: Deps, cache: SignerCache, rows: LicenseRow[]): Promise<void> {
  const types = [...new Set(rows.map((r) => r.typeCode))].filter((c) => !cache.types.has(c));
  if (types.length) for (const t of await tx.select().from(licenseTypes).where(inArray(licenseTypes.code, types))) cache.types.set(t.code, t);
  for (const departmentId of new Set(rows.map((r) => r.issuerDepartmentId))) {
    if (!cache.signers.has(departmentId)) cache.signers.set(departmentId, await departmentSigner(tx, deps.cipher, departmentId));
  }
}

/** 关联证照标识 of the rows that replace an earlier version. */
async function previousIdentifiers(tx: Tx, rows: LicenseRow[]): Promise<Map<string, string>> {
  const ids = rows.flatMap((r) => (r.previousId ? [r.previousId] : []));
  if (ids.length === 0) return new Map();
  const found = await tx.select({ id: licenses.id, identifier: licenses.identifier }).from(licenses).where(inArray(licenses.id, ids));
  return new Map(found.map((r) => [r.id, r.identifier]));
}

/** The server's background signer: runs `signPendingLicenses` whenever kicked, one run at a time. */
export interface BackgroundSigner {
  /** Asks for a run (after an import, at start); a kick during a run makes one more run after it. */
  kick(): void;
  /** Resolves when no run is going on or asked for. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the background signer with its own worker pool; failures are logged and retried a minute later. */
export function startBackgroundSigner(deps: Deps, options: { workers?: number; batchSize?: number; concurrency?: number; log?: Logger } = {}): BackgroundSigner {
  const log = options.log ?? deps.log;
  let pool: SigningPool | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const runOnce = async () => {
    pool ??= createSigningPool(options.workers);
    const started = Date.now();
    const { signed } = await signPendingLicenses(deps, { pool, shouldStop: () => closed, ...(options.batchSize ? { batchSize: options.batchSize } : {}), ...(options.concurrency ? { concurrency: options.concurrency } : {}) });
    if (signed) log.info({ signed, seconds: (Date.now() - started) / 1000 }, 'background signer: licences signed');
  };
  const kick = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await runOnce();
        } catch (err) {
          if (closed) return;
          log.warn({ err }, 'background signer failed; retrying in a minute');
          retry = setTimeout(kick, 60_000);
          retry.unref();
          return;
        }
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
    });
  };
  return {
    kick,
    async idle() {
      while (running) await running;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await running;
      await pool?.close();
    },
  };
}
