import { canonicalJson } from '../core/crypto/canonical-json.js';
import { sm3Hex } from '../core/crypto/sm3.js';
import { SM2_DEFAULT_ID } from '../core/crypto/sm2.js';

/**
 * The GB/T 36904 metadata every signed licence or proof starts with (证照标识, 名称, 类型代码, 编号,
 * 持证主体 and its code, 颁发机构 and its code, 颁发日期, 有效期起始, 管辖属地); `checkSignedDocument`
 * reads identifier, name, issuerName, issuerCode and the validity dates.
 */
export type DocumentMetadata = {
  identifier: string;
  name: string;
  typeCode: string;
  number: string;
  holderName: string;
  /** ID number (persons) or USCC (organisations), in full: this is the holder's own document. */
  holderCode: string;
  holderCodeType: '居民身份证' | '统一社会信用代码';
  issuerName: string;
  issuerCode: string;
  issuedOn: string;
  validFrom: string;
  regionCode: string;
};

/**
 * What a holder carries and any verifier checks: the document, and the department's SM2 signature
 * over the document's canonical JSON (RFC 8785). Licences and proofs share the envelope.
 */
export interface SignedDocument<D extends object = Record<string, unknown>> {
  format: 'mianzheng-signed-document/1';
  kind: 'license' | 'proof';
  document: D;
  signature: {
    algorithm: 'SM2-SM3';
    /** Id of the department key in GET /api/v1/keys. */
    keyId: string;
    /** Signer identity in Z_A (GM/T 0009 default). */
    signerId: string;
    /** DER signature, base64. */
    value: string;
  };
}

/** The bytes that are signed. */
export function canonicalDocument(document: object): string {
  return canonicalJson(document);
}

/** SM3 of the canonical document, stored beside the row so the registry can tell its own version. */
export function documentDigest(document: object): string {
  return sm3Hex(canonicalDocument(document));
}

/** Wraps a document and its signature in the envelope. */
export function envelope<D extends object>(kind: 'license' | 'proof', document: D, keyId: string, signature: Uint8Array): SignedDocument<D> {
  return {
    format: 'mianzheng-signed-document/1',
    kind,
    document,
    signature: { algorithm: 'SM2-SM3', keyId, signerId: SM2_DEFAULT_ID, value: Buffer.from(signature).toString('base64') },
  };
}
