/** The registry's public door: regions, departments, staff and access, subjects. */
export { registerCatalogRoutes } from './registry.routes.js';
export { registerStaffRoutes } from './staff.routes.js';
export { registerSubjectRoutes } from './subject.routes.js';
export { authenticateApiKey, authenticateSession, purgeEndedSessions } from './auth.service.js';
export { createStaff, actorFromStaff, findStaffByUsername, listStaff } from './staff.service.js';
export { seedReferenceData, seedDemo, ensureFirstAdmin, seedSyntheticSubjects, DEMO_PASSWORD, DEMO_STAFF, departmentIdOf } from './seed.js';
export { findRegion, findRegionAncestors, regionCodeRange } from './region.service.js';
export { requireDepartmentId, listDepartments } from './department.service.js';
export { getSubject, findSubjects, findSubjectRowByIdNumber, createSubject, presentSubject, normalizePhone } from './subject.service.js';
export { findSubjectRowsByPhone, findSubjectRowsByPhoneIndex, findSubjectRow, listSubjectRowsAfter, subjectCode, findHoldersByCode, type HolderSummary } from './subject.lookup.js';
export { findDepartmentNames, findDepartmentsById, listAllDepartments, type DepartmentRow } from './department.lookup.js';
export type { SubjectRow } from './subject.service.js';
export { SubjectView } from './subject.contract.js';
export { importSubjects } from './subject.import.js';
