/** The licences module's public door: licence types, licences, signing keys, verification. */
export { registerLicenseRoutes } from './license.routes.js';
export { registerVerificationRoutes, type VerificationSources } from './verification.routes.js';
export { lookupLicense, publicLicenseView, checkSignedDocument, type RegistryLookup, type RegistryEntry, type KnownKey } from './verification.service.js';
export type { PublicDocumentView } from './verification.page.js';
export { seedLicenseTypes, findLicenseType } from './license-type.service.js';
export { ensureSigningKeys, departmentSigner, signWith, findPublicKey } from './signing.service.js';
export { issueLicense, amendLicense, renewLicense, endLicense, expireLicenses, newVerificationCode, nextStatusListIndex, type LicenseRow } from './license.service.js';
export { getLicense, listLicenses, signedLicenseDocument } from './license.read.js';
export { seedLicensing } from './seed.js';
export { envelope, canonicalDocument, documentDigest, type SignedDocument, type DocumentMetadata } from './signed-document.js';
export { verifySignedDocument } from './verification.service.js';
export { chinaDate, effectiveStatus, LICENSE_STATUSES } from './license-status.js';
export { LicenseView, LicenseTypeView, SignedDocumentSchema, LicenseFilters } from './license.contract.js';
