import { invalid, type FieldError } from '../../core/errors.js';

/** One line of the holder table: 姓名 / 张三, 公民身份号码 / 4309**********1234, 住址 / … */
export interface HolderLine {
  label: string;
  value: string;
}

/**
 * Everything printed on an electronic proof (电子证明) or licence (电子证照) page. The registry
 * builds it from a signed proof or licence; rendering neither reads the database nor signs.
 */
export interface PrintableDocument {
  /** Document title, e.g. 居住证明, 食品经营许可证. */
  title: string;
  /** Document number (证明编号 / 证照编号), printed top right after 编号. */
  number: string;
  /** Verification code printed under the QR code and typed on the verification page. */
  verificationCode: string;
  /** The holder table, in order. */
  holder: HolderLine[];
  /** Body paragraphs in Chinese, each set with a two-character first-line indent. */
  paragraphs: string[];
  /** Issuing department (签发部门), printed above the date. */
  issuer: string;
  /** Issue date, ISO calendar date `YYYY-MM-DD` (Beijing time). */
  issuedOn: string;
  /** First valid day `YYYY-MM-DD`, when the document states a period (licences); omitted for most proofs. */
  validFrom?: string;
  /** Last valid day `YYYY-MM-DD`, or null for 长期 (no expiry). */
  validUntil: string | null;
  /** Where the QR code points, e.g. `http://localhost:3000/v/ABCD2345`. */
  verificationUrl: string;
  /** The name around the seal: the issuing department's name. */
  sealText: string;
  /** Optional line under the seal's star, e.g. 证明专用章. */
  sealLabel?: string;
  /** Optional small print at the foot of every page; a default explains electronic verification. */
  footnote?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (ISO 8601). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** A date as Chinese official documents write it (GB/T 9704-2012 §7.3.5.1): `2025年5月22日`. */
export function formatChineseDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw invalid([{ field: 'date', message: `not a YYYY-MM-DD date: ${isoDate}` }]);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Checks a document before rendering; throws `invalid` with every problem found. */
export function assertPrintable(doc: PrintableDocument): void {
  const errors: FieldError[] = [];
  const required = ['title', 'number', 'verificationCode', 'issuer', 'verificationUrl', 'sealText'] as const;
  for (const field of required) {
    if (!doc[field].trim()) errors.push({ field, message: 'required' });
  }
  if (!isIsoDate(doc.issuedOn)) errors.push({ field: 'issuedOn', message: 'must be a YYYY-MM-DD date' });
  if (doc.validFrom !== undefined && !isIsoDate(doc.validFrom)) errors.push({ field: 'validFrom', message: 'must be a YYYY-MM-DD date' });
  if (doc.validUntil !== null && !isIsoDate(doc.validUntil)) errors.push({ field: 'validUntil', message: 'must be a YYYY-MM-DD date or null (长期)' });
  if (!/^https?:\/\/\S+$/.test(doc.verificationUrl)) errors.push({ field: 'verificationUrl', message: 'must be an http(s) URL' });
  doc.holder.forEach((line, i) => {
    if (!line.label.trim()) errors.push({ field: `holder/${i}/label`, message: 'required' });
  });
  if (errors.length > 0) throw invalid(errors);
}
