import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { listAuditEvents, recordAudit, type AuditEventRow } from '../core/audit/audit.service.js';
import type { Ctx, Deps } from '../core/context.js';
import type { App } from '../core/http/app-types.js';
import { requestCtx } from '../core/http/auth-hook.js';
import { DateTime, RegionCode, Uuid, errorResponses } from '../core/http/common.contract.js';
import { LicenseFilters, listLicenses } from '../licenses/index.js';
import { ProofListQuery, listProofs } from '../proofs/index.js';
import { findSubjects, listDepartments, listStaff } from '../registry/index.js';
import { RoleSchema } from '../registry/staff.contract.js';
import { SubjectSearchQuery } from '../registry/subject.contract.js';
import { pagesOf, sendXlsx, type XlsxColumn } from './xlsx-stream.js';

/** The most rows one export carries; narrow the filters for more. */
export const MAX_EXPORT_ROWS = 50_000;
const PAGE = 200;

const xlsxResponse = { 200: Type.String({ description: 'an .xlsx workbook', contentMediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), ...errorResponses(400, 401, 403) };

/** Streams the sheet and records the export (what was exported and how many rows; never the values). */
async function exportSheet<T>(
  ctx: Ctx,
  reply: FastifyReply,
  sheet: { action: string; targetType: string; filename: string; name: string; columns: XlsxColumn<T>[]; filters: Record<string, unknown> },
  rows: AsyncIterable<T>,
): Promise<void> {
  const result = await sendXlsx(reply, { filename: sheet.filename, sheet: sheet.name, columns: sheet.columns, rows });
  const filters = Object.fromEntries(Object.entries(sheet.filters).filter(([, v]) => v !== undefined && v !== ''));
  await recordAudit(ctx.db, ctx, { action: sheet.action, targetType: sheet.targetType, payload: { filters, rows: result.rows, complete: result.complete } });
}

/** The licence list's filters (GET /api/v1/licenses). */
const LicenseExportQuery = Type.Object(LicenseFilters);

/** The proof list's filters (GET /api/v1/proofs), its paging aside. */
const ProofExportQuery = Type.Omit(ProofListQuery, ['cursor', 'limit']);

const stamp = (ctx: Ctx) => ctx.clock.now().toISOString().slice(0, 10);

/**
 * Excel exports of the console's lists (导出): the same module functions and access checks as the
 * list endpoints, paged through on the server, streamed as .xlsx, and audited.
 */
export function registerExportRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/exports/subjects.xlsx',
    { schema: { tags: ['exports'], summary: '导出办事主体（脱敏）/ export subjects, masked', querystring: SubjectSearchQuery, response: xlsxResponse } },
    async (req, reply) => {
      const ctx = requestCtx(deps, req);
      const q = req.query;
      const rows = pagesOf((cursor) => findSubjects(ctx, { ...q, cursor, limit: PAGE }), MAX_EXPORT_ROWS);
      // Identifiers searched for are not written to the audit payload.
      const filters = { kind: q.kind, regionCode: q.regionCode, name: q.name ? 'prefix' : undefined, identifier: q.idNumber || q.uscc || q.phone ? 'exact' : undefined, purpose: q.purpose };
      await exportSheet(ctx, reply, {
        action: 'subject.export', targetType: 'subject', filename: `办事主体-${stamp(ctx)}.xlsx`, name: '办事主体', filters,
        columns: [
          { header: '编号 ID', width: 38, value: (s) => s.id },
          { header: '类型 Kind', width: 12, value: (s) => (s.kind === 'person' ? '自然人' : '法人') },
          { header: '名称 Name', width: 28, value: (s) => s.name },
          { header: '证件号码 ID number', width: 22, value: (s) => s.idNumber ?? s.uscc },
          { header: '手机 Phone', width: 14, value: (s) => s.phone },
          { header: '区划 Region', width: 14, value: (s) => s.regionCode },
          { header: '登记时间 Created', width: 22, value: (s) => s.createdAt },
        ],
      }, rows);
    },
  );

  app.get(
    '/api/v1/exports/licenses.xlsx',
    { schema: { tags: ['exports'], summary: '导出证照（持证人证件号脱敏）/ export licences, holders\' ID numbers masked', querystring: LicenseExportQuery, response: xlsxResponse } },
    async (req, reply) => {
      const ctx = requestCtx(deps, req);
      const q = req.query;
      const rows = pagesOf((cursor) => listLicenses(ctx, { ...q, cursor, limit: PAGE }), MAX_EXPORT_ROWS);
      // A holder's name or a licence number searched for is not written to the audit payload.
      const filters = { ...q, holderName: q.holderName ? 'prefix' : undefined, number: q.number ? 'exact' : undefined };
      await exportSheet(ctx, reply, {
        action: 'license.export', targetType: 'license', filename: `电子证照-${stamp(ctx)}.xlsx`, name: '电子证照', filters,
        columns: [
          { header: '证照名称 Type', width: 24, value: (l) => l.typeName },
          { header: '证照编号 Number', width: 24, value: (l) => l.number },
          { header: '版本 Version', width: 8, value: (l) => l.version },
          { header: '持证主体 Holder', width: 28, value: (l) => l.holderName },
          { header: '主体代码 Holder code', width: 22, value: (l) => l.holderCode },
          { header: '颁发机构 Issuer', width: 28, value: (l) => l.issuerName },
          { header: '颁发日期 Issued', width: 12, value: (l) => l.issuedOn },
          { header: '有效期起 Valid from', width: 12, value: (l) => l.validFrom },
          { header: '有效期至 Valid until', width: 12, value: (l) => l.validUntil ?? '长期' },
          { header: '状态 Status', width: 12, value: (l) => l.statusLabel },
          { header: '状态代码 Code', width: 8, value: (l) => l.statusCode },
          { header: '状态原因 Reason', width: 30, value: (l) => l.statusReason },
          { header: '证照标识 Identifier', width: 70, value: (l) => l.identifier },
        ],
      }, rows);
    },
  );

  app.get(
    '/api/v1/exports/proofs.xlsx',
    { schema: { tags: ['exports'], summary: '导出电子证明（申请人证件号脱敏）/ export proofs, applicants\' ID numbers masked', querystring: ProofExportQuery, response: xlsxResponse } },
    async (req, reply) => {
      const ctx = requestCtx(deps, req);
      const q = req.query;
      const rows = pagesOf((cursor) => listProofs(ctx, { ...q, cursor, limit: PAGE }), MAX_EXPORT_ROWS);
      await exportSheet(ctx, reply, {
        action: 'proof.export', targetType: 'proof', filename: `电子证明-${stamp(ctx)}.xlsx`, name: '电子证明', filters: q,
        columns: [
          { header: '证明名称 Type', width: 28, value: (p) => p.typeName },
          { header: '证明编号 Number', width: 28, value: (p) => p.number },
          { header: '申请人 Holder', width: 28, value: (p) => p.holderName },
          { header: '证件号码 Holder code', width: 22, value: (p) => p.holderCode },
          { header: '出具单位 Issuer', width: 28, value: (p) => p.issuerName },
          { header: '用途 Purpose', width: 24, value: (p) => p.purpose },
          { header: '证明事项 Summary', width: 30, value: (p) => p.summary },
          { header: '出具日期 Issued', width: 12, value: (p) => p.issuedOn },
          { header: '有效期至 Valid until', width: 12, value: (p) => p.validUntil },
          { header: '状态 Status', width: 12, value: (p) => p.statusLabel },
          { header: '撤销原因 Reason', width: 30, value: (p) => p.statusReason },
          { header: '证明标识 Identifier', width: 70, value: (p) => p.identifier },
        ],
      }, rows);
    },
  );

  app.get(
    '/api/v1/exports/departments.xlsx',
    {
      schema: {
        tags: ['exports'],
        summary: '导出部门列表 / export departments',
        querystring: Type.Object({ regionCode: Type.Optional(RegionCode), kind: Type.Optional(Type.String({ maxLength: 40 })), q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: xlsxResponse,
      },
    },
    async (req, reply) => {
      const ctx = requestCtx(deps, req);
      const q = req.query;
      const rows = pagesOf((cursor) => listDepartments(ctx, { ...q, cursor, limit: PAGE }), MAX_EXPORT_ROWS);
      await exportSheet(ctx, reply, {
        action: 'department.export', targetType: 'department', filename: `部门-${stamp(ctx)}.xlsx`, name: '部门', filters: q,
        columns: [
          { header: '代码 Code', width: 32, value: (d) => d.code },
          { header: '名称 Name', width: 36, value: (d) => d.name },
          { header: '简称 Short name', width: 16, value: (d) => d.shortName },
          { header: '区划 Region', width: 14, value: (d) => d.regionCode },
          { header: '类别 Kind', width: 14, value: (d) => d.kind },
          { header: '条线 Line', width: 22, value: (d) => d.line },
          { header: '统一社会信用代码 USCC', width: 22, value: (d) => d.uscc },
        ],
      }, rows);
    },
  );

  app.get(
    '/api/v1/exports/staff.xlsx',
    {
      schema: {
        tags: ['exports'],
        summary: '导出工作人员 / export staff accounts',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          departmentId: Type.Optional(Uuid),
          role: Type.Optional(RoleSchema),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
        }),
        response: xlsxResponse,
      },
    },
    async (req, reply) => {
      const ctx = requestCtx(deps, req);
      const q = req.query;
      const rows = pagesOf((cursor) => listStaff(ctx, { ...q, cursor, limit: PAGE }), MAX_EXPORT_ROWS);
      await exportSheet(ctx, reply, {
        action: 'staff.export', targetType: 'staff', filename: `工作人员-${stamp(ctx)}.xlsx`, name: '工作人员', filters: q,
        columns: [
          { header: '用户名 Username', width: 18, value: (s) => s.username },
          { header: '姓名 Name', width: 28, value: (s) => s.displayName },
          { header: '部门 Department', width: 32, value: (s) => s.departmentName },
          { header: '角色 Roles', width: 16, value: (s) => s.roles.join(', ') },
          { header: '范围 Scope', width: 14, value: (s) => s.scopeRegionCode },
          { header: '状态 Status', width: 10, value: (s) => s.status },
          { header: '最近登录 Last login', width: 22, value: (s) => s.lastLoginAt },
        ],
      }, rows);
    },
  );

  app.get(
    '/api/v1/exports/audit.xlsx',
    {
      schema: {
        tags: ['exports'],
        summary: '导出审计日志 / export audit events',
        querystring: Type.Object({
          action: Type.Optional(Type.String({ maxLength: 80 })),
          actorId: Type.Optional(Type.String({ maxLength: 80 })),
          targetType: Type.Optional(Type.String({ maxLength: 40 })),
          targetId: Type.Optional(Type.String({ maxLength: 80 })),
          subjectId: Type.Optional(Uuid),
          from: Type.Optional(DateTime),
          to: Type.Optional(DateTime),
        }),
        response: xlsxResponse,
      },
    },
    async (req, reply) => {
      const ctx = requestCtx(deps, req);
      const { from, to, ...rest } = req.query;
      const filters = { ...rest, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
      const rows = pagesOf((cursor) => listAuditEvents(ctx, { ...filters, cursor, limit: 1000 }), MAX_EXPORT_ROWS);
      await exportSheet<AuditEventRow>(ctx, reply, {
        action: 'audit.export', targetType: 'audit', filename: `审计日志-${stamp(ctx)}.xlsx`, name: '审计日志', filters: req.query,
        columns: [
          { header: '序号 Seq', width: 10, value: (e) => e.seq },
          { header: '时间 Time', width: 26, value: (e) => e.occurredAt.toISOString() },
          { header: '操作人 Actor', width: 20, value: (e) => e.actorName },
          { header: '类型 Kind', width: 10, value: (e) => e.actorKind },
          { header: '部门 Department', width: 38, value: (e) => e.actorDepartmentId },
          { header: '操作 Action', width: 22, value: (e) => e.action },
          { header: '对象 Target', width: 48, value: (e) => (e.targetType ? `${e.targetType}:${e.targetId ?? ''}` : null) },
          { header: '目的 Purpose', width: 24, value: (e) => e.purpose },
          { header: '哈希 Hash', width: 66, value: (e) => e.hash },
        ],
      }, rows);
    },
  );
}
