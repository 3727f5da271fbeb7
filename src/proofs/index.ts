/** The proofs module's public door: the proof-type catalogue, issuing proofs from data, PDFs, verification. */
export { registerProofRoutes, sendPdf, pdfResponse, type ProofRouteSettings } from './proof.routes.js';
export { seedProofing, seedDemoProofs } from './seed.js';
export { seedProofTypes, findProofType, listProofTypes, type ProofTypeRow } from './proof-type.service.js';
export { issueProof, revokeProof, responsibleDepartment, type IssueProofInput, type ProofRow } from './proof.service.js';
export { getProof, listProofs, signedProofDocument, proofPdf, presentProof, presentProofType, findProofHolderId } from './proof.read.js';
export { lookupProof, publicProofView } from './proof.verification.js';
export { PROOF_TYPES, proofTypeDefinition } from './catalogue/proof-types.data.js';
export type { ProofDocument } from './proof-document.js';
export { ProofView, ProofTypeView, IssueProofBody, PortalIssueProofBody, RevokeProofBody, ProofListQuery } from './proof.contract.js';
export { preloadDocumentFonts } from './pdf/font.loader.js';
