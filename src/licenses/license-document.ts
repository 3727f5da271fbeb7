import type { licenses, licenseTypes } from './license.schema.js';
import type { DocumentMetadata } from './signed-document.js';

type LicenseRow = typeof licenses.$inferSelect;
type LicenseTypeRow = typeof licenseTypes.$inferSelect;

/**
 * The signed content of a licence: the GB/T 36904 metadata (证照标识, 证照名称, 证照类型代码, 证照编号,
 * 持证主体 and its code, 颁发机构 and its code, 颁发日期, 有效期, 管辖属地, 关联证照标识) and the
 * 照面信息 fields with their labels. Status is not signed: it changes after signing and is checked
 * against the registry or the status list.
 */
export type LicenseDocument = DocumentMetadata & {
  /** null = 长期. */
  validUntil: string | null;
  previousIdentifier: string | null;
  fields: { key: string; label: string; value: string }[];
};

/** Builds the document of a licence version; `holderCode` is the clear code (decrypted for persons). */
export function licenseDocument(row: LicenseRow, type: Pick<LicenseTypeRow, 'name' | 'catalogueCode' | 'fields'>, holderCode: string, previousIdentifier: string | null): LicenseDocument {
  return {
    identifier: row.identifier,
    name: type.name,
    typeCode: type.catalogueCode,
    number: row.number,
    holderName: row.holderName,
    holderCode,
    holderCodeType: row.holderKind === 'person' ? '居民身份证' : '统一社会信用代码',
    issuerName: row.issuerName,
    issuerCode: row.issuerCode,
    issuedOn: row.issuedOn,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    regionCode: row.regionCode,
    previousIdentifier,
    fields: type.fields.filter((f) => row.fields[f.key] !== undefined).map((f) => ({ key: f.key, label: f.label, value: row.fields[f.key] ?? '' })),
  };
}
