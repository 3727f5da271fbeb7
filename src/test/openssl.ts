import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../core/db/database.js';
import { sm2PublicKeyPem } from '../core/crypto/sm2.js';
import { findPublicKey } from '../licenses/signing.service.js';
import { canonicalDocument, type SignedDocument } from '../licenses/signed-document.js';

/**
 * What OpenSSL 3 says of a signed document's signature, checked with the published key:
 * `openssl pkeyutl -verify -pubin -inkey PUB.pem -rawin -digest sm3 -pkeyopt distid:1234567812345678`
 * over the canonical JSON. Returns OpenSSL's output; throws when OpenSSL refuses the signature.
 */
export async function opensslVerify(db: Db, doc: SignedDocument): Promise<string> {
  const key = await findPublicKey(db, doc.signature.keyId);
  if (!key) throw new Error(`key ${doc.signature.keyId} is not published`);
  const dir = mkdtempSync(join(tmpdir(), 'mz-openssl-'));
  try {
    writeFileSync(join(dir, 'pub.pem'), sm2PublicKeyPem(key.publicKey));
    writeFileSync(join(dir, 'doc.json'), canonicalDocument(doc.document));
    writeFileSync(join(dir, 'doc.sig'), Buffer.from(doc.signature.value, 'base64'));
    return execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-rawin', '-in', join(dir, 'doc.json'), '-sigfile', join(dir, 'doc.sig'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
