/**
 * A signing worker thread: SM2 is pure computation, so signing scales with cores only off the main
 * thread. It receives documents with the department key to sign each with, and answers the DER
 * signature and the SM3 digest of each document's canonical JSON (RFC 8785), in order.
 */
import { parentPort } from 'node:worker_threads';
import { canonicalJson } from '../core/crypto/canonical-json.js';
import { sm2Sign, type Sm2KeyPair } from '../core/crypto/sm2.js';
import { sm3Hex } from '../core/crypto/sm3.js';

/** One chunk of work: documents and the keys (by key id) they are signed with. */
export interface SignTask {
  id: number;
  keys: Record<string, Sm2KeyPair>;
  items: { keyId: string; document: object }[];
}

/** The answer to a chunk: hex DER signatures and hex SM3 digests, in the order of the items; or why it failed. */
export type SignAnswer = { id: number; signatures: string[]; digests: string[] } | { id: number; error: string };

/** Signs a chunk (also used in-thread when no worker is wanted). */
export function signChunk(task: SignTask): SignAnswer {
  try {
    const signatures: string[] = [];
    const digests: string[] = [];
    for (const item of task.items) {
      const keys = task.keys[item.keyId];
      if (!keys) throw new Error(`no key ${item.keyId} in the task`);
      const canonical = canonicalJson(item.document);
      signatures.push(sm2Sign(keys, Buffer.from(canonical, 'utf8')).toString('hex'));
      digests.push(sm3Hex(canonical));
    }
    return { id: task.id, signatures, digests };
  } catch (err) {
    return { id: task.id, error: err instanceof Error ? err.message : String(err) };
  }
}

parentPort?.on('message', (task: SignTask) => {
  parentPort?.postMessage(signChunk(task));
});
