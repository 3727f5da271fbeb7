import type { DataRecordSet, ResourceCode } from '../../exchange/index.js';
import { formatChineseDate } from '../pdf/printable-document.js';

/**
 * What a proof type is in code: its catalogue entry (code, name, issuing line, holders, the data it
 * draws on, validity, the zh-CN template) and its rule — a plain function that reads the subject's
 * data records and either states facts (filled into the template) or refuses with a reason.
 */

/** The holder as a rule sees it: registry facts, never the ID number. */
export interface ProofHolder {
  kind: 'person' | 'organization';
  name: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  regionCode: string;
  legalRepresentative: string | null;
}

/** What a rule decides from. */
export interface RuleInput {
  holder: ProofHolder;
  /** The records of the type's resources that exist for the holder. */
  records: DataRecordSet;
  /** Today in China (YYYY-MM-DD). */
  today: string;
}

/** A rule's decision: the facts to state (template values) and a one-line public summary, or a refusal. */
export type RuleOutcome = { issue: true; facts: Record<string, string>; summary: string } | { issue: false; reason: string };

/** A proof type (证明事项) as defined in code. */
export interface ProofTypeDefinition {
  /** Stable code used in APIs, e.g. no_criminal_record. */
  code: string;
  name: string;
  /** What the proof certifies, one line (shown in the catalogue). */
  description: string;
  /** The department line that issues it; the holder's county counterpart issues, else the municipal one. */
  issuingLine: string;
  holderKinds: readonly ('person' | 'organization')[];
  /** The data resources the rule reads. */
  resources: readonly ResourceCode[];
  /** Days the proof stays valid, counting the day of issue. */
  validityDays: number;
  /** Facts printed in the holder table, in order (keys of the rule's facts). */
  fields: readonly { key: string; label: string }[];
  /**
   * The paragraphs, with `{key}` placeholders filled from the rule's facts and from `holderName`,
   * `holderCode` (masked) and `issuedOn`; the last paragraph is 特此证明。
   */
  template: readonly string[];
  rule: (input: RuleInput) => RuleOutcome;
}

/** A rule's decision to issue. */
export function issue(facts: Record<string, string>, summary: string): RuleOutcome {
  return { issue: true, facts, summary };
}

/** A rule's refusal, with the reason shown to the applicant (no more personal detail than the applicant already knows). */
export function refuse(reason: string): RuleOutcome {
  return { issue: false, reason };
}

/** `2025-05-22` → `2025年5月22日`. */
export const cnDate = formatChineseDate;

/** An amount in yuan as Chinese documents print it: `1,234.50元`. */
export function yuan(amount: number): string {
  const [whole = '0', cents = '00'] = amount.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}元`;
}

/** `150` months → `12年6个月`. */
export function monthsText(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return years === 0 ? `${rest}个月` : rest === 0 ? `${years}年` : `${years}年${rest}个月`;
}

/** The date `years` whole years before a date (29 Feb → 28 Feb). */
export function yearsBefore(ymd: string, years: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Whole years from one date to another. */
export function yearsBetween(from: string, to: string): number {
  return Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);
}
