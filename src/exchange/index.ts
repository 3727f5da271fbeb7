/**
 * The exchange module's public door: the data-resource catalogue and the departmental data records
 * other modules draw on. Issue 5 adds retrievals (purpose and legal basis or consent), consents and
 * the retrieval audit around `findRecords`; the codes and the record shape stay.
 */
export { DATA_RESOURCES, RESOURCE_FACTS, dataResource, isResourceCode, type DataResource, type ResourceCode, type ResourceFacts } from './data-resource.catalogue.js';
export { findRecords, writeRecords, deleteRecord, factsProblems, type DataRecord, type DataRecordSet, type DataRecordInput } from './data-record.service.js';
export { seedDemoRecords, demoPersonRecords, demoOrganizationRecords, type DemoSubject, type DemoPlace } from './demo-records.seed.js';
