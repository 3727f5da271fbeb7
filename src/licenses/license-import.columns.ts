import { isRealDate } from '../core/ids/id-number.js';
import type { LicenseStatus } from './license-status.js';

/**
 * The columns of a licence import file, as department systems write them (the GB/T 36904 metadata
 * names: 证照编号, 证照类型, 持证主体名称, 持证主体代码, 颁发日期, 有效期起始, 有效期截止 …) and in English.
 * Any other column must be a field of the row's licence type, by key (`premises`) or label (经营场所).
 */
export const LICENSE_HEADER_ALIASES: Record<string, string> = {
  证照标识: 'identifier', identifier: 'identifier',
  证照编号: 'number', 证号: 'number', number: 'number', licensenumber: 'number',
  证照类型: 'type', 证照类型名称: 'type', 证照类型代码: 'type', 证照名称: 'type', type: 'type', typecode: 'type', licensetype: 'type',
  持证主体名称: 'holderName', 持证主体: 'holderName', 持证人: 'holderName', 持证人名称: 'holderName', holdername: 'holderName',
  持证主体代码: 'holderCode', 持证人证件号码: 'holderCode', 持证主体证件号码: 'holderCode', holdercode: 'holderCode',
  持证主体代码类型: 'holderCodeType', 持证主体证件类型: 'holderCodeType', holdercodetype: 'holderCodeType',
  证照颁发机构: 'issuerName', 颁发机构: 'issuerName', 发证机关: 'issuerName', issuername: 'issuerName',
  证照颁发机构代码: 'issuerCode', 颁发机构代码: 'issuerCode', 发证机关代码: 'issuerCode', issuercode: 'issuerCode',
  颁发日期: 'issuedOn', 证照颁发日期: 'issuedOn', 发证日期: 'issuedOn', issuedon: 'issuedOn', issuedate: 'issuedOn',
  有效期起始: 'validFrom', 有效期起始日期: 'validFrom', 有效期开始: 'validFrom', 有效期自: 'validFrom', validfrom: 'validFrom',
  有效期截止: 'validUntil', 有效期截止日期: 'validUntil', 有效期至: 'validUntil', 有效期结束: 'validUntil', validuntil: 'validUntil',
  证照状态: 'status', 状态: 'status', status: 'status',
  公开字段: 'disclosure', 公开信息: 'disclosure', disclosure: 'disclosure',
};

/** The metadata columns (everything else is a type-specific field). */
export const METADATA_COLUMNS: ReadonlySet<string> = new Set(Object.values(LICENSE_HEADER_ALIASES));

/** A date as departments write it (2025-05-22, 2025/5/22, 2025.5.22, 20250522, 2025年5月22日) → YYYY-MM-DD, or undefined. */
export function parseImportDate(raw: string): string | undefined {
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(raw.trim());
  if (!m) return undefined;
  const ymd = `${m[1]}-${(m[2] ?? m[4] ?? '').padStart(2, '0')}-${(m[3] ?? m[5] ?? '').padStart(2, '0')}`;
  return isRealDate(ymd) ? ymd : undefined;
}

/** Words that mean "no expiry" (长期) in an 有效期截止 cell. */
const NO_EXPIRY = new Set(['长期', '长期有效', '永久', '永久有效', '无期限', 'permanent', '9999-12-31']);

/** An 有效期截止 cell: a date, null for 长期, 'rule' when empty (the catalogue's rule decides), or undefined when unreadable. */
export function parseValidUntil(raw: string): string | null | 'rule' | undefined {
  const text = raw.trim();
  if (text === '') return 'rule';
  if (NO_EXPIRY.has(text.toLowerCase())) return null;
  return parseImportDate(text);
}

/** 证照状态 cells: the provincial platforms' codes (GB/T 36904 practice), their words, or our own names. */
const STATUS_WORDS: Record<string, LicenseStatus> = {
  '': 'valid', '01': 'valid', '1': 'valid', 有效: 'valid', 正常: 'valid', valid: 'valid',
  '03': 'withdrawn', '3': 'withdrawn', 撤销: 'withdrawn', withdrawn: 'withdrawn',
  '04': 'cancelled', '4': 'cancelled', 注销: 'cancelled', cancelled: 'cancelled',
  '05': 'expired', '5': 'expired', 失效: 'expired', expired: 'expired',
  '07': 'revoked', '7': 'revoked', 吊销: 'revoked', revoked: 'revoked',
};

/** The status of a 证照状态 cell, or undefined when it names none an import may set (99 其他, 已变更 …). */
export function parseImportStatus(raw: string): Exclude<LicenseStatus, 'superseded'> | undefined {
  const status = STATUS_WORDS[raw.trim().toLowerCase()];
  return status === 'superseded' ? undefined : status;
}

/** What 持证主体代码类型 says the code is. */
export function parseHolderCodeType(raw: string): 'person' | 'organization' | 'unknown' | undefined {
  const text = raw.trim().toLowerCase();
  if (text === '') return undefined;
  if (['居民身份证', '身份证', '身份证号', '公民身份号码', '111', 'person', 'idnumber'].includes(text)) return 'person';
  if (['统一社会信用代码', '信用代码', '001', '049', 'organization', 'uscc'].includes(text)) return 'organization';
  return 'unknown';
}

/** Splits a 公开字段 cell (comma, 、, ；, space) into its items. */
export function splitList(raw: string): string[] {
  return raw.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
}

/** Names compared as people read them: full-width forms folded (（） → ()), spaces ignored. */
export function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return fold(a) === fold(b);
}
