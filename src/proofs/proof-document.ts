import type { DocumentMetadata } from '../licenses/index.js';
import type { PrintableDocument } from './pdf/printable-document.js';

/**
 * The signed content of a proof: the GB/T 36904 metadata a licence also carries, the last valid day,
 * the purpose, the stated facts and the paragraphs exactly as printed. Status is not signed: it is
 * checked against the registry. The signed document carries a person's ID number in full; the copy
 * stored with the proof carries it masked.
 */
export type ProofDocument = DocumentMetadata & {
  validUntil: string;
  purpose: string;
  /** One line: what the proof states, as the public verification page shows it. */
  summary: string;
  fields: { key: string; label: string; value: string }[];
  paragraphs: string[];
};

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Fills `{key}` placeholders; a paragraph left empty is dropped. Throws on a key without a value (a catalogue bug). */
export function fillTemplate(template: readonly string[], values: Readonly<Record<string, string>>, typeCode: string): string[] {
  return template
    .map((paragraph) =>
      paragraph.replace(PLACEHOLDER, (_, key: string) => {
        const value = values[key];
        if (value === undefined) throw new Error(`proof type ${typeCode}: the template needs {${key}} but the rule gave no such fact`);
        return value;
      }),
    )
    .filter((p) => p.trim() !== '');
}

/** The paragraphs of a proof: the filled template, with the purpose stated before the closing 特此证明。 */
export function proofParagraphs(template: readonly string[], values: Readonly<Record<string, string>>, typeCode: string, purpose: string): string[] {
  const filled = fillTemplate(template, values, typeCode);
  const closing = filled.pop() ?? '特此证明。';
  return [...filled, `本证明用途：${purpose.replace(/[。.]+$/, '')}。`, closing];
}

/** The label of the holder's code in the text: 公民身份号码 or 统一社会信用代码. */
export function holderCodeLabel(kind: string): '公民身份号码' | '统一社会信用代码' {
  return kind === 'person' ? '公民身份号码' : '统一社会信用代码';
}

/**
 * What the PDF prints, from the stored document alone (so the same proof always prints the same
 * bytes): the holder table (name, masked code, the type's fields), the paragraphs, the issuer's
 * seal, and the QR code to `{publicUrl}/v/{code}`.
 */
export function printableProof(doc: ProofDocument, verificationCode: string, publicUrl: string): PrintableDocument {
  const person = doc.holderCodeType === '居民身份证';
  return {
    title: doc.name,
    number: doc.number,
    verificationCode,
    holder: [
      { label: person ? '姓名' : '名称', value: doc.holderName },
      { label: holderCodeLabel(person ? 'person' : 'organization'), value: doc.holderCode },
      ...doc.fields.map((f) => ({ label: f.label, value: f.value })),
    ],
    paragraphs: doc.paragraphs,
    issuer: doc.issuerName,
    issuedOn: doc.issuedOn,
    validUntil: doc.validUntil,
    verificationUrl: `${publicUrl.replace(/\/+$/, '')}/v/${verificationCode}`,
    sealText: doc.issuerName,
    sealLabel: '证明专用章',
  };
}
