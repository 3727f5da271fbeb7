import { sql } from 'drizzle-orm';
import type { Actor } from '../core/access/access.js';
import { queryRows, type Tx } from '../core/db/database.js';
import type { LicenseRow } from './license.service.js';

/** What the registry holds under an identifier, as much as an import compares. */
export interface StoredLicense {
  id: string;
  identifier: string;
  holderId: string;
  status: string;
  digest: string;
  disclosure: string[];
}

/** The stored licences of a batch's identifiers: one statement, the identifiers as one JSON document. */
export async function findLicensesByIdentifier(tx: Tx, identifiers: readonly string[]): Promise<Map<string, StoredLicense>> {
  if (identifiers.length === 0) return new Map();
  const rows = await queryRows<{ id: string; identifier: string; holder_id: string; status: string; document_digest: string; disclosure: string[] }>(
    tx,
    sql`select id, identifier, holder_id, status, document_digest, disclosure from licenses
        where identifier = any(array(select json_array_elements_text(${JSON.stringify(identifiers)}::json)))`,
  );
  return new Map(rows.map((r) => [r.identifier, { id: r.id, identifier: r.identifier, holderId: r.holder_id, status: r.status, digest: r.document_digest, disclosure: r.disclosure }]));
}

/** A licence row to write and the id of its history row. */
export interface LicenseWrite {
  row: LicenseRow;
  eventId: string;
}

/** What a bulk write did. */
export interface LicenseWriteOutcome {
  inserted: { id: string; holderId: string }[];
  updated: { id: string; holderId: string }[];
}

const hex = (b: Buffer | null): string | null => (b ? b.toString('hex') : null);

/** The columns a bulk write sends for each row: name in the statement, SQL type, and the value. */
const WRITE_COLUMNS: readonly [name: string, type: 'uuid' | 'text' | 'date' | 'jsonb' | 'text[]', value: (w: LicenseWrite) => unknown][] = [
  ['id', 'uuid', (w) => w.row.id], ['eid', 'uuid', (w) => w.eventId], ['h', 'uuid', (w) => w.row.holderId],
  ['idf', 'text', (w) => w.row.identifier], ['t', 'text', (w) => w.row.typeCode], ['no', 'text', (w) => w.row.number],
  ['s', 'text', (w) => w.row.serial], ['hk', 'text', (w) => w.row.holderKind], ['hn', 'text', (w) => w.row.holderName],
  ['hc', 'text', (w) => w.row.holderCode], ['hcc', 'text', (w) => hex(w.row.holderCodeCipher)], ['k', 'text', (w) => w.row.keyId],
  ['d', 'uuid', (w) => w.row.issuerDepartmentId], ['ic', 'text', (w) => w.row.issuerCode], ['isn', 'text', (w) => w.row.issuerName],
  ['r', 'text', (w) => w.row.regionCode], ['io', 'date', (w) => w.row.issuedOn], ['vf', 'date', (w) => w.row.validFrom],
  ['vu', 'date', (w) => w.row.validUntil], ['st', 'text', (w) => w.row.status], ['sr', 'text', (w) => w.row.statusReason],
  ['f', 'jsonb', (w) => w.row.fields], ['dis', 'text[]', (w) => w.row.disclosure], ['dg', 'text', (w) => w.row.documentDigest],
  ['vc', 'text', (w) => w.row.verificationCode],
];

/** How the statement reads column i of a row array `j`. */
const columnSelect = sql.raw(
  WRITE_COLUMNS.map(([name, type], i) =>
    type === 'jsonb' ? `j->${i} as ${name}` : type === 'text[]' ? `array(select jsonb_array_elements_text(j->${i})) as ${name}` : `(j->>${i})::${type} as ${name}`,
  ).join(', '),
);

/**
 * Inserts or updates many licences by identifier in one statement: the batch travels as one JSON
 * array of row arrays (no repeated keys; JSON.stringify is native, and the server parses it in C)
 * that `jsonb_array_elements` turns back into rows — set-based, the same SQL on PGlite and
 * PostgreSQL — and each row written gets its history row (`import`, or `import_update` with the
 * content it replaced, read in the statement's own snapshot) in the same statement. An update clears the signature when the
 * signed content changed (the background signer signs it again); a licence that has ended or been
 * superseded is never changed here. Rows in one call must not repeat an identifier.
 */
export async function writeLicenses(tx: Tx, writes: readonly LicenseWrite[], meta: { importId: string | null; actor: Actor; now: Date }): Promise<LicenseWriteOutcome> {
  const outcome: LicenseWriteOutcome = { inserted: [], updated: [] };
  if (writes.length === 0) return outcome;
  const batch = JSON.stringify(writes.map((w) => WRITE_COLUMNS.map(([, , value]) => value(w) ?? null)));
  const now = meta.now.toISOString();
  const rows = await queryRows<{ id: string; holder_id: string; inserted: boolean }>(
    tx,
    sql`with v as (
          select ${columnSelect} from jsonb_array_elements(${batch}::jsonb) as j
        ), old as (
          -- What an update replaces, read in the statement's snapshot (before its insert), kept in the history row.
          select l.identifier, jsonb_build_object('number', l.number, 'holderName', l.holder_name, 'issuedOn', l.issued_on, 'validFrom', l.valid_from,
            'validUntil', l.valid_until, 'status', l.status, 'fields', l.fields, 'disclosure', l.disclosure, 'documentDigest', l.document_digest,
            'importId', l.import_id) as content
          from licenses l join v on l.identifier = v.idf
        ), w as (
          insert into licenses (id, holder_id, identifier, type_code, number, serial, version, previous_id, holder_kind, holder_name, holder_code,
            holder_code_cipher, key_id, issuer_department_id, issuer_code, issuer_name, region_code, issued_on, valid_from, valid_until, status,
            status_reason, status_changed_at, fields, disclosure, document_digest, signature, signing_key_id, signed_at, verification_code,
            status_list_index, import_id, created_at, updated_at)
          select v.id, v.h, v.idf, v.t, v.no, v.s, 1, null, v.hk, v.hn, v.hc,
            decode(v.hcc, 'hex'), v.k, v.d, v.ic, v.isn, v.r, v.io, v.vf, v.vu, v.st,
            v.sr, ${now}::timestamptz, v.f, v.dis, v.dg, null, null, null, v.vc,
            nextval('status_list_seq'), ${meta.importId}::uuid, ${now}::timestamptz, ${now}::timestamptz
          from v
          on conflict (identifier) do update set
            number = excluded.number, holder_name = excluded.holder_name, holder_code = excluded.holder_code,
            holder_code_cipher = excluded.holder_code_cipher, key_id = excluded.key_id, issuer_name = excluded.issuer_name,
            region_code = excluded.region_code, issued_on = excluded.issued_on, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
            status = excluded.status,
            status_reason = case when licenses.status = excluded.status then licenses.status_reason else excluded.status_reason end,
            status_changed_at = case when licenses.status = excluded.status then licenses.status_changed_at else excluded.status_changed_at end,
            fields = excluded.fields, disclosure = excluded.disclosure, document_digest = excluded.document_digest,
            signature = case when licenses.document_digest = excluded.document_digest then licenses.signature end,
            signing_key_id = case when licenses.document_digest = excluded.document_digest then licenses.signing_key_id end,
            signed_at = case when licenses.document_digest = excluded.document_digest then licenses.signed_at end,
            import_id = excluded.import_id, updated_at = excluded.updated_at
          where licenses.status in ('valid', 'expired') and licenses.holder_id = excluded.holder_id
            and (licenses.document_digest is distinct from excluded.document_digest
              or licenses.disclosure is distinct from excluded.disclosure
              or licenses.status is distinct from excluded.status)
          returning id, holder_id, identifier, (xmax = 0) as inserted
        ), e as (
          insert into license_events (id, license_id, holder_id, action, reason, actor_kind, actor_id, actor_name, at, details)
          select v.eid, w.id, w.holder_id, case when w.inserted then 'import' else 'import_update' end, null,
            ${meta.actor.kind}, ${meta.actor.id}, ${meta.actor.name}, ${now}::timestamptz,
            jsonb_strip_nulls(jsonb_build_object('importId', ${meta.importId}::text, 'identifier', w.identifier, 'previous', case when w.inserted then null else old.content end))
          from w join v on v.idf = w.identifier left join old on old.identifier = w.identifier
        )
        select id, holder_id, inserted from w`,
  );
  for (const r of rows) (r.inserted ? outcome.inserted : outcome.updated).push({ id: r.id, holderId: r.holder_id });
  return outcome;
}
