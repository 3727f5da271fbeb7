import { Value } from '@sinclair/typebox/value';
import { AppError } from '../core/errors.js';
import { SignedDocumentSchema } from './license.contract.js';
import type { SignedDocument } from './signed-document.js';
import type { KnownKey } from './verification.service.js';

/** Parses JSON text or names, in a sentence, what is wrong with it. */
function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('invalid', `${what} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A signed document (the JSON of GET /api/v1/licenses/{id}/document), checked against its schema; `invalid` saying why not. */
export function parseSignedDocument(text: string): SignedDocument {
  const value = parseJson(text, 'the document');
  if (!Value.Check(SignedDocumentSchema, value)) {
    const first = Value.Errors(SignedDocumentSchema, value).First();
    throw new AppError('invalid', `not a mianzheng signed document: ${first ? `${first.path || '/'} ${first.message}` : 'unexpected shape'}`);
  }
  return value as SignedDocument;
}

/** The published keys of GET /api/v1/keys (the whole answer, or its `items`), by key id. */
export function parsePublishedKeys(text: string): Map<string, KnownKey> {
  const value = parseJson(text, 'the key file');
  const items = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray((value as { items?: unknown }).items) ? (value as { items: unknown[] }).items : undefined;
  if (!items) throw new AppError('invalid', 'the key file is not the answer of GET /api/v1/keys (no "items")');
  const keys = new Map<string, KnownKey>();
  items.forEach((item, i) => {
    const k = item as { keyId?: unknown; publicKey?: unknown; issuerCode?: unknown };
    if (typeof k.keyId !== 'string' || typeof k.publicKey !== 'string' || !/^04[0-9a-fA-F]{128}$/.test(k.publicKey) || typeof k.issuerCode !== 'string') {
      throw new AppError('invalid', `key ${i + 1} of the key file needs keyId, publicKey (uncompressed SM2 point, hex) and issuerCode`);
    }
    keys.set(k.keyId, { publicKey: k.publicKey.toLowerCase(), issuerCode: k.issuerCode });
  });
  return keys;
}
