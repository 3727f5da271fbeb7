import { and, asc, eq, inArray, gte, ilike, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { ROLES, assertCan, inRegionScope, type Actor, type Role } from '../core/access/access.js';
import { recordAudit } from '../core/audit/audit.service.js';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../core/auth/secrets.js';
import type { Ctx } from '../core/context.js';
import type { DbOrTx } from '../core/db/database.js';
import { AppError, invalid, type FieldError } from '../core/errors.js';
import { isUuid, uuidv7 } from '../core/ids/uuid.js';
import { departments } from './department.schema.js';
import { findRegion, regionCodeRange } from './region.service.js';
import type { StaffView } from './staff.contract.js';
import { staff } from './staff.schema.js';

export type StaffRow = typeof staff.$inferSelect;

/** The actor a staff account acts as. */
export function actorFromStaff(row: StaffRow): Actor {
  return {
    kind: 'staff',
    id: row.id,
    name: row.username,
    departmentId: row.departmentId,
    roles: row.roles as Role[],
    scope: {
      regionCode: row.scopeRegionCode,
      departmentIds: [...new Set([...(row.departmentId ? [row.departmentId] : []), ...row.scopeDepartmentIds])],
    },
  };
}

async function departmentNames(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(sql`${departments.id} in (${sql.join(wanted.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Region of each department, to keep granted departments inside the granting admin's scope. */
async function departmentRegions(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  const rows = await db.select({ id: departments.id, regionCode: departments.regionCode }).from(departments).where(inArray(departments.id, wanted));
  return new Map(rows.map((r) => [r.id, r.regionCode]));
}

/** Presents staff rows, with their department names. */
export async function presentStaff(db: DbOrTx, rows: StaffRow[]): Promise<StaffView[]> {
  const names = await departmentNames(db, rows.map((r) => r.departmentId));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    departmentId: r.departmentId,
    departmentName: r.departmentId ? (names.get(r.departmentId) ?? null) : null,
    roles: r.roles as Role[],
    scopeRegionCode: r.scopeRegionCode,
    scopeDepartmentIds: r.scopeDepartmentIds,
    status: r.status as StaffView['status'],
    mustChangePassword: r.mustChangePassword,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Presents one staff row. */
export async function presentOneStaff(db: DbOrTx, row: StaffRow): Promise<StaffView> {
  const [view] = await presentStaff(db, [row]);
  if (!view) throw new Error('presentStaff returned nothing');
  return view;
}

/** Input for a new staff account. */
export interface NewStaff {
  username: string;
  displayName: string;
  /** Generated (and returned once) when absent. */
  password?: string | undefined;
  departmentId?: string | null | undefined;
  roles: string[];
  scopeRegionCode: string;
  scopeDepartmentIds?: string[] | undefined;
  mustChangePassword?: boolean | undefined;
}

/** Checks roles, region and departments of an account, and that the acting admin may grant them. */
async function checkAccountScope(
  ctx: Ctx,
  input: { roles?: string[] | undefined; scopeRegionCode?: string | undefined; departmentId?: string | null | undefined; scopeDepartmentIds?: string[] | undefined },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.roles !== undefined) {
    if (input.roles.length === 0) errors.push({ field: 'roles', message: 'at least one role is required' });
    for (const r of input.roles) {
      if (!(ROLES as readonly string[]).includes(r)) errors.push({ field: 'roles', message: `unknown role "${r}" (one of ${ROLES.join(', ')})` });
    }
    if (input.roles.includes('admin') && !ctx.actor.roles.includes('admin')) errors.push({ field: 'roles', message: 'only an admin may grant admin' });
  }
  if (input.scopeRegionCode !== undefined) {
    if (!(await findRegion(ctx.db, input.scopeRegionCode))) errors.push({ field: 'scopeRegionCode', message: `region ${input.scopeRegionCode} does not exist` });
    else if (!inRegionScope(ctx.actor, input.scopeRegionCode)) errors.push({ field: 'scopeRegionCode', message: 'outside your own scope' });
  }
  const deptIds = [...(input.departmentId ? [input.departmentId] : []), ...(input.scopeDepartmentIds ?? [])];
  if (deptIds.length) {
    const known = await departmentRegions(ctx.db, deptIds);
    for (const id of deptIds) {
      const field = input.departmentId === id ? 'departmentId' : 'scopeDepartmentIds';
      const region = known.get(id);
      if (region === undefined) errors.push({ field, message: `department ${id} does not exist` });
      else if (!inRegionScope(ctx.actor, region)) errors.push({ field, message: `department ${id} is outside your own scope` });
    }
  }
  return errors;
}

const USERNAME = /^[a-z][a-z0-9._-]{2,39}$/;

/** Creates a staff account (admin only). Returns the generated password once when none was given. */
export async function createStaff(ctx: Ctx, input: NewStaff): Promise<{ staff: StaffView; password?: string }> {
  assertCan(ctx.actor, 'staff.manage');
  const errors: FieldError[] = [];
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) errors.push({ field: 'username', message: '3–40 characters: lower-case letters, digits, . _ -, starting with a letter' });
  if (!input.displayName.trim()) errors.push({ field: 'displayName', message: 'is required' });
  const password = input.password ?? generatePassword();
  const weak = passwordProblem(password);
  if (weak) errors.push({ field: 'password', message: weak });
  errors.push(...(await checkAccountScope(ctx, input)));
  if (errors.length) throw invalid(errors);
  const now = ctx.clock.now();
  const row: StaffRow = {
    id: uuidv7(now.getTime()),
    username,
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(password),
    departmentId: input.departmentId ?? null,
    roles: [...new Set(input.roles)],
    scopeRegionCode: input.scopeRegionCode,
    scopeDepartmentIds: input.scopeDepartmentIds ?? [],
    status: 'active',
    mustChangePassword: input.mustChangePassword ?? input.password === undefined,
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx.insert(staff).values(row).onConflictDoNothing({ target: staff.username }).returning({ id: staff.id });
    if (inserted.length === 0) throw new AppError('conflict', `username ${username} is taken`, [{ field: 'username', message: 'is taken' }]);
    await recordAudit(tx, ctx, { action: 'staff.create', targetType: 'staff', targetId: row.id, payload: { username, roles: row.roles, scopeRegionCode: row.scopeRegionCode } });
  });
  const view = await presentOneStaff(ctx.db, row);
  return input.password === undefined ? { staff: view, password } : { staff: view };
}

/** Finds a staff row by id inside the actor's scope; out-of-scope accounts are reported as missing. */
async function loadManagedStaff(ctx: Ctx, id: string): Promise<StaffRow> {
  const [row] = await ctx.db.select().from(staff).where(eq(staff.id, id));
  if (!row || !inRegionScope(ctx.actor, row.scopeRegionCode)) throw new AppError('not_found', `staff ${id} not found`);
  return row;
}

/** One staff account. */
export async function getStaff(ctx: Ctx, id: string): Promise<StaffView> {
  assertCan(ctx.actor, 'staff.read');
  const view = await presentOneStaff(ctx.db, await loadManagedStaff(ctx, id));
  return view;
}

/** The acting staff member's own account; needs no permission. */
export async function getOwnAccount(ctx: Ctx): Promise<StaffView> {
  const [row] = ctx.actor.kind === 'staff' ? await ctx.db.select().from(staff).where(eq(staff.id, ctx.actor.id)) : [];
  if (!row) throw new AppError('not_found', 'your account was not found');
  const view = await presentOneStaff(ctx.db, row);
  return view;
}

/** Staff accounts in the actor's scope, filtered, newest first, a page at a time (cursor = last id). */
export async function listStaff(
  ctx: Ctx,
  q: { q?: string | undefined; departmentId?: string | undefined; role?: string | undefined; status?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: StaffView[]; nextCursor: string | null }> {
  assertCan(ctx.actor, 'staff.read');
  if (q.cursor !== undefined && !isUuid(q.cursor)) throw invalid([{ field: 'cursor', message: 'is not a cursor from a previous page' }]);
  const [lo, hi] = regionCodeRange(ctx.actor.scope.regionCode);
  const where: SQL[] = [gte(staff.scopeRegionCode, lo), lte(staff.scopeRegionCode, hi)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(staff.username, like), ilike(staff.displayName, like));
    if (match) where.push(match);
  }
  if (q.departmentId) where.push(eq(staff.departmentId, q.departmentId));
  if (q.role) where.push(sql`${q.role} = any(${staff.roles})`);
  if (q.status) where.push(eq(staff.status, q.status));
  if (q.cursor) where.push(lt(staff.id, q.cursor));
  const rows = await ctx.db.select().from(staff).where(and(...where)).orderBy(sql`${staff.id} desc`).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: await presentStaff(ctx.db, page), nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

/** Changes roles, scope, name or status of an account (admin only); disabling ends its sessions. */
export async function updateStaff(
  ctx: Ctx,
  id: string,
  patch: { displayName?: string | undefined; roles?: string[] | undefined; departmentId?: string | null | undefined; scopeRegionCode?: string | undefined; scopeDepartmentIds?: string[] | undefined; status?: 'active' | 'disabled' | undefined },
): Promise<StaffView> {
  assertCan(ctx.actor, 'staff.manage');
  const current = await loadManagedStaff(ctx, id);
  const errors = await checkAccountScope(ctx, patch);
  if (patch.displayName !== undefined && !patch.displayName.trim()) errors.push({ field: 'displayName', message: 'is required' });
  if (patch.status === 'disabled' && id === ctx.actor.id) errors.push({ field: 'status', message: 'you cannot disable your own account' });
  if (errors.length) throw invalid(errors);
  const changes: Partial<StaffRow> = { updatedAt: ctx.clock.now() };
  if (patch.displayName !== undefined) changes.displayName = patch.displayName.trim();
  if (patch.roles !== undefined) changes.roles = [...new Set(patch.roles)];
  if (patch.departmentId !== undefined) changes.departmentId = patch.departmentId;
  if (patch.scopeRegionCode !== undefined) changes.scopeRegionCode = patch.scopeRegionCode;
  if (patch.scopeDepartmentIds !== undefined) changes.scopeDepartmentIds = patch.scopeDepartmentIds;
  if (patch.status !== undefined) changes.status = patch.status;
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(staff).set(changes).where(eq(staff.id, id)).returning();
    if (patch.status === 'disabled') await revokeSessionsOf(tx, id, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'staff.update',
      targetType: 'staff',
      targetId: id,
      payload: { username: current.username, changed: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined) },
    });
    return row;
  });
  if (!updated) throw new AppError('not_found', `staff ${id} not found`);
  const view = await presentOneStaff(ctx.db, updated);
  return view;
}

/** Sets a new generated password (admin only); the holder must change it at next login. */
export async function resetStaffPassword(ctx: Ctx, id: string): Promise<{ password: string }> {
  assertCan(ctx.actor, 'staff.manage');
  const target = await loadManagedStaff(ctx, id);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await tx.update(staff).set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: ctx.clock.now() }).where(eq(staff.id, id));
    await revokeSessionsOf(tx, id, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'staff.password_reset', targetType: 'staff', targetId: id, payload: { username: target.username } });
  });
  return { password };
}

/** Changes the acting staff member's own password after checking the current one. */
export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
  if (ctx.actor.kind !== 'staff') throw new AppError('forbidden', 'only staff accounts have passwords');
  const [row] = await ctx.db.select().from(staff).where(eq(staff.id, ctx.actor.id));
  if (!row) throw new AppError('not_found', 'account not found');
  if (!(await verifyPassword(row.passwordHash, currentPassword))) throw invalid([{ field: 'currentPassword', message: 'is not correct' }]);
  const weak = passwordProblem(newPassword);
  if (weak) throw invalid([{ field: 'newPassword', message: weak }]);
  if (newPassword === currentPassword) throw invalid([{ field: 'newPassword', message: 'must differ from the current password' }]);
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(staff).set({ passwordHash, mustChangePassword: false, updatedAt: ctx.clock.now() }).where(eq(staff.id, row.id));
    await recordAudit(tx, ctx, { action: 'staff.password_change', targetType: 'staff', targetId: row.id });
  });
}

/** Ends every open session of an account (on disable or password reset). */
async function revokeSessionsOf(tx: DbOrTx, staffId: string, now: Date): Promise<void> {
  await tx.execute(sql`update sessions set revoked_at = ${now.toISOString()} where staff_id = ${staffId} and revoked_at is null`);
}

/** A staff row by username (for login). */
export async function findStaffByUsername(db: DbOrTx, username: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.username, username.trim().toLowerCase()));
  return row;
}

/** Sorted list of all usernames (for CLI listings and tests). */
export async function listUsernames(db: DbOrTx): Promise<string[]> {
  return (await db.select({ u: staff.username }).from(staff).orderBy(asc(staff.username))).map((r) => r.u);
}
