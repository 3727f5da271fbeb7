import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Sm2KeyPair } from '../core/crypto/sm2.js';
import type { SignAnswer, SignTask } from './signing.worker.js';

/** A document to sign and the id of the key to sign it with. */
export interface SignItem {
  keyId: string;
  document: object;
}

/** The signature (DER) and the SM3 digest of the canonical document, hex. */
export interface SignOutput {
  signature: string;
  digest: string;
}

/** Worker threads that sign documents with SM2 (GM/T 0003), one chunk per worker at a time. */
export interface SigningPool {
  readonly size: number;
  /** Signs the items, spread over the workers; resolves in the items' order. */
  sign(items: readonly SignItem[], keys: ReadonlyMap<string, Sm2KeyPair>): Promise<SignOutput[]>;
  /** Stops the workers; pending work is refused. */
  close(): Promise<void>;
}

/**
 * Starts a worker from this module's sibling. Compiled, it is `signing.worker.js`; from the source
 * tree (tsx, vitest) the worker registers tsx first, so the TypeScript file runs as it is.
 */
function startWorker(): Worker {
  const compiled = !import.meta.url.endsWith('.ts');
  if (compiled) return new Worker(new URL('./signing.worker.js', import.meta.url));
  const source = new URL('./signing.worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`, { eval: true });
}

/** Items per message: small enough to balance the workers, large enough that messaging costs little. */
const CHUNK = 200;

/** A pool of `size` signing workers (default: one per core), started on first use. */
export function createSigningPool(size = availableParallelism()): SigningPool {
  const workers: { worker: Worker; busy: SignTask | undefined }[] = [];
  const queue: SignTask[] = [];
  const waiting = new Map<number, { resolve: (a: SignAnswer) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let closed = false;

  const fail = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
    queue.length = 0;
  };
  const dispatch = () => {
    for (const slot of workers) {
      if (slot.busy) continue;
      const task = queue.shift();
      if (!task) return;
      slot.busy = task;
      slot.worker.postMessage(task);
    }
  };
  const ensureStarted = () => {
    while (workers.length < size) {
      const slot: { worker: Worker; busy: SignTask | undefined } = { worker: startWorker(), busy: undefined };
      slot.worker.unref(); // an idle pool never keeps the process alive
      slot.worker.on('message', (answer: SignAnswer) => {
        slot.busy = undefined;
        waiting.get(answer.id)?.resolve(answer);
        waiting.delete(answer.id);
        dispatch();
      });
      // A worker that dies takes the pending work with it (the signer's transaction rolls back and the
      // rows stay unsigned for the next run); the next sign() starts a new one in its place.
      const retire = (reason: string) => {
        const at = workers.indexOf(slot);
        if (at === -1) return;
        workers.splice(at, 1);
        if (!closed) fail(new Error(reason));
      };
      slot.worker.on('error', (err) => retire(`signing worker failed: ${err.message}`));
      slot.worker.on('exit', (code) => retire(`signing worker exited with code ${code}`));
      workers.push(slot);
    }
  };
  const run = (task: SignTask) =>
    new Promise<SignAnswer>((resolve, reject) => {
      waiting.set(task.id, { resolve, reject });
      queue.push(task);
      dispatch();
    });

  return {
    size,
    async sign(items, keys) {
      if (closed) throw new Error('the signing pool is closed');
      ensureStarted();
      const keyRecord = Object.fromEntries(keys);
      const chunks: Promise<SignAnswer>[] = [];
      for (let i = 0; i < items.length; i += CHUNK) {
        const chunk = items.slice(i, i + CHUNK);
        const used = Object.fromEntries([...new Set(chunk.map((c) => c.keyId))].map((k) => [k, keyRecord[k]]).filter((e): e is [string, Sm2KeyPair] => e[1] !== undefined));
        chunks.push(run({ id: nextId++, keys: used, items: chunk.map((c) => ({ keyId: c.keyId, document: c.document })) }));
      }
      const out: SignOutput[] = [];
      for (const answer of await Promise.all(chunks)) {
        if ('error' in answer) throw new Error(`signing failed: ${answer.error}`);
        answer.signatures.forEach((signature, i) => out.push({ signature, digest: answer.digests[i] ?? '' }));
      }
      return out;
    },
    async close() {
      closed = true;
      fail(new Error('the signing pool was closed'));
      await Promise.all(workers.map((w) => w.worker.terminate()));
      workers.length = 0;
    },
  };
}
