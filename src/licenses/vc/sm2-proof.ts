import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/crypto/canonical-json.js';
import { sm2Sign, sm2Verify, type Sm2KeyPair } from '../../core/crypto/sm2.js';
import { toUnsecuredCredential, VC_V2_CONTEXT, type CredentialBase, type CredentialInput, type UnsecuredLicenseCredential } from './credential.js';
import { decodeBase58btc, encodeBase58btc } from './multibase.js';

/**
 * Cryptosuite `sm2-jcs-2025`: W3C Verifiable Credential Data Integrity 1.0 (Recommendation,
 * 15 May 2025) with SM2 signatures (GM/T 0003.2, Z_A over the default id `1234567812345678`) and
 * SM3 (GB/T 32905). It is ecdsa-jcs-2019 (VC-DI-ECDSA §3.3) with the Chinese algorithms swapped in:
 *
 *   proofConfig    = the proof without `proofValue`, with the credential's `@context`
 *   hashData       = SM3(JCS(proofConfig)) ‖ SM3(JCS(credential without `proof`))   (64 bytes; JCS = RFC 8785)
 *   signature      = SM2-sign(hashData) → DER SEQUENCE { r, s }
 *   proofValue     = multibase base58btc of the DER signature (`z…`)
 *
 * Signing the proof configuration as well as the credential keeps `created`, `proofPurpose` and
 * `verificationMethod` from being altered. OpenSSL 3 checks a proof from the command line:
 * `openssl pkeyutl -verify -pubin -inkey KEY.pem -rawin -digest sm3 -pkeyopt distid:1234567812345678
 * -in HASHDATA -sigfile SIG.der`, with HASHDATA the two `openssl dgst -sm3 -binary` outputs joined.
 */
export const SM2_CRYPTOSUITE = 'sm2-jcs-2025' as const;

/** A department's signing key and the id verifiers resolve it by (`{issuer id}#{key name}`). */
export interface Sm2Signer {
  verificationMethod: string;
  keys: Sm2KeyPair;
}

/** A Data Integrity proof made with {@link SM2_CRYPTOSUITE}. */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: typeof SM2_CRYPTOSUITE;
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
}

/** A credential with its proof. */
export type Secured<T extends CredentialBase> = T & { proof: DataIntegrityProof };

/** A licence or proof credential, signed: what the holder carries. */
export type VerifiableLicenseCredential = Secured<UnsecuredLicenseCredential>;

/** The 64 bytes the cryptosuite signs: SM3 of the canonical proof configuration, then of the canonical credential. */
export function sm2ProofHashData(unsecured: object, proofConfig: object): Buffer {
  const sm3 = (text: string) => createHash('sm3').update(text, 'utf8').digest();
  return Buffer.concat([sm3(canonicalJson(proofConfig)), sm3(canonicalJson(unsecured))]);
}

/** Adds a `DataIntegrityProof` (sm2-jcs-2025) to a credential; `created` is passed in, not read from a clock. */
export function addSm2Proof<T extends CredentialBase>(credential: T, signer: Sm2Signer, created: Date): Secured<T> {
  if ('proof' in credential) throw new Error('the credential already has a proof');
  if (!signer.verificationMethod.startsWith(`${credential.issuer.id}#`)) {
    throw new Error(`verificationMethod ${signer.verificationMethod} is not a key of the issuer ${credential.issuer.id}`);
  }
  const options = {
    type: 'DataIntegrityProof' as const,
    cryptosuite: SM2_CRYPTOSUITE,
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod: signer.verificationMethod,
    proofPurpose: 'assertionMethod' as const,
  };
  const hashData = sm2ProofHashData(credential, { ...options, '@context': credential['@context'] });
  const proofValue = encodeBase58btc(sm2Sign(signer.keys, hashData));
  return { ...credential, proof: { ...options, proofValue } };
}

/** The signed W3C VC 2.0 credential of a licence or proof (Data Model §4, Data Integrity sm2-jcs-2025). */
export function toVerifiableCredential(input: CredentialInput, signer: Sm2Signer, created: Date): VerifiableLicenseCredential {
  return addSm2Proof(toUnsecuredCredential(input), signer, created);
}

/** The outcome of checking a proof; a failure says why, in words a log or an operator can use. */
export type ProofVerification = { verified: true; verificationMethod: string } | { verified: false; reason: string };

/** Finds the public key (uncompressed hex `04…`) of a verification method, or nothing for an unknown key. */
export type PublicKeyLookup = (verificationMethod: string) => string | undefined | Promise<string | undefined>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Verifies the sm2-jcs-2025 proof of a credential (Data Integrity §4.4 Verify Proof): recomputes
 * the hash data from the credential as received and checks the SM2 signature with the issuer's
 * key. It checks the proof only; validity dates and the status list are the caller's next steps.
 */
export async function verifyVerifiableCredential(vc: unknown, publicKeyLookup: PublicKeyLookup): Promise<ProofVerification> {
  const fail = (reason: string): ProofVerification => ({ verified: false, reason });
  if (!isRecord(vc)) return fail('not a JSON object');
  const { proof, ...unsecured } = vc;
  const context = unsecured['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) return fail(`@context must begin with ${VC_V2_CONTEXT}`);
  const types = unsecured.type;
  if (!Array.isArray(types) || !types.includes('VerifiableCredential')) return fail('type must include VerifiableCredential');
  const issuer = unsecured.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : isRecord(issuer) ? issuer.id : undefined;
  if (typeof issuerId !== 'string') return fail('issuer has no id');
  if (!isRecord(proof)) return fail(Array.isArray(proof) ? 'more than one proof is not supported' : 'no proof');
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== SM2_CRYPTOSUITE) return fail(`proof is not a DataIntegrityProof with cryptosuite ${SM2_CRYPTOSUITE}`);
  if (proof.proofPurpose !== 'assertionMethod') return fail('proofPurpose must be assertionMethod');
  const { proofValue, ...options } = proof;
  const method = options.verificationMethod;
  if (typeof method !== 'string' || !method.startsWith(`${issuerId}#`)) return fail('verificationMethod is not a key of the issuer');
  if (options.created !== undefined && (typeof options.created !== 'string' || Number.isNaN(Date.parse(options.created)))) return fail('created is not a date-time');
  if (options['@context'] !== undefined && JSON.stringify(options['@context']) !== JSON.stringify(context)) return fail('proof @context differs from the credential @context');
  if (typeof proofValue !== 'string') return fail('proofValue missing');
  let signature: Uint8Array;
  try {
    signature = decodeBase58btc(proofValue);
  } catch (error) {
    return fail(`proofValue: ${(error as Error).message}`);
  }
  const publicKey = await publicKeyLookup(method);
  if (!publicKey) return fail(`unknown verification method ${method}`);
  let hashData: Buffer;
  try {
    hashData = sm2ProofHashData(unsecured, { ...options, '@context': context });
  } catch (error) {
    return fail(`not canonical JSON (RFC 8785): ${(error as Error).message}`); // e.g. an unpaired surrogate
  }
  if (!sm2Verify(publicKey, hashData, signature)) return fail('signature does not match the credential');
  return { verified: true, verificationMethod: method };
}
