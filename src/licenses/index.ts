/** The licences module's public door: licence types, licences, signing keys, verification. */
export { registerLicenseRoutes } from './license.routes.js';
export { registerVerificationRoutes, type VerificationSources } from './verification.routes.js';
export { lookupLicense, publicLicenseView, checkSignedDocument, type RegistryLookup, type RegistryEntry, type KnownKey } from './verification.service.js';
export type { PublicDocumentView } from './verification.page.js';
export { seedLicenseTypes, findLicenseType } from './license-type.service.js';
export { ensureSigningKeys, departmentSigner, signWith, findPublicKey } from './signing.service.js';
export { issueLicense, amendLicense, renewLicense, endLicense, expireLicenses, newVerificationCode, type LicenseRow } from './license.service.js';
export { getLicense, listLicenses } from './license.read.js';
export { envelope, canonicalDocument, documentDigest, type SignedDocument } from './signed-document.js';
export { chinaDate, effectiveStatus, LICENSE_STATUSES } from './license-status.js';
export { LicenseView, LicenseTypeView, SignedDocumentSchema } from './license.contract.js';
export { registerLicenseImportRoutes } from './license-import.routes.js';
export { LicenseImportView } from './license-import.contract.js';
export { LICENSE_HEADER_ALIASES } from './license-import.columns.js';
export { importLicenses, type LicenseImportReport, type LicenseImportError } from './license.import.js';
export { createLicenseImport, runLicenseImport, failInterruptedImports, countCsvDataLines } from './license-import.service.js';
export { signPendingLicenses, startBackgroundSigner, countUnsignedLicenses, type BackgroundSigner } from './license.signer.js';
export { createSigningPool, type SigningPool } from './signing.pool.js';
