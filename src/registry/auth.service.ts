import { and, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { ROLES, assertCan, inRegionScope, type Actor, type Role } from '../core/access/access.js';
import { recordAudit, type AuditContext } from '../core/audit/audit.service.js';
import { burnPasswordCheck, randomToken, safeEqual, sha256Hex, verifyPassword } from '../core/auth/secrets.js';
import type { Clock } from '../core/clock.js';
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/db/database.js';
import { AppError, invalid, type FieldError } from '../core/errors.js';
import { isUuid, uuidv7 } from '../core/ids/uuid.js';
import { departments } from './department.schema.js';
import { findRegion, regionCodeRange } from './region.service.js';
import { apiKeys, sessions, staff } from './staff.schema.js';
import type { ApiKeyView, StaffView } from './staff.contract.js';
import { actorFromStaff, findStaffByUsername, presentOneStaff } from './staff.service.js';

/** Failed logins before an account is locked, and for how long. */
export const LOCKOUT = { attempts: 5, minutes: 15 };

const anonymous = (name: string): Actor => ({ kind: 'system', id: 'anonymous', name, departmentId: null, roles: [], scope: { regionCode: '000000000000', departmentIds: [] } });

/** What a successful login yields: the session token for the cookie, a CSRF token, and who logged in. */
export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  staff: StaffView;
}

/**
 * Checks a username and password and opens a session. Failures are audited and counted; after
 * five in a row the account is locked for fifteen minutes. The message never says which part was wrong.
 */
export async function login(
  deps: { db: Db; clock: Clock; requestId?: string },
  input: { username: string; password: string; ip?: string; userAgent?: string; ttlMinutes: number },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const row = await findStaffByUsername(deps.db, input.username);
  const refuse = async (reason: string): Promise<never> => {
    await recordAudit(deps.db, { ...deps, actor: row ? actorFromStaff(row) : anonymous(input.username.slice(0, 64)) }, {
      action: 'auth.login_failed',
      targetType: 'staff',
      ...(row ? { targetId: row.id } : {}),
      payload: { reason, ip: input.ip ?? null },
    });
    throw new AppError('unauthorized', '用户名或密码错误 / wrong username or password');
  };
  if (!row) {
    await burnPasswordCheck(input.password);
    return refuse('unknown_user');
  }
  if (row.lockedUntil && row.lockedUntil > now) {
    await recordAudit(deps.db, { ...deps, actor: actorFromStaff(row) }, { action: 'auth.login_failed', targetType: 'staff', targetId: row.id, payload: { reason: 'locked', ip: input.ip ?? null } });
    throw new AppError('unauthorized', `账号已锁定至 ${row.lockedUntil.toISOString()} / account locked until ${row.lockedUntil.toISOString()}`);
  }
  if (!(await verifyPassword(row.passwordHash, input.password))) {
    // Counted in the database in one statement, so that guesses arriving together all count.
    const reached = sql`${staff.failedLogins} + 1 >= ${LOCKOUT.attempts}`;
    const lockUntil = new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString();
    const [counted] = await deps.db
      .update(staff)
      .set({
        failedLogins: sql`case when ${reached} then 0 else ${staff.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${reached} then ${lockUntil}::timestamptz else ${staff.lockedUntil} end`,
      })
      .where(eq(staff.id, row.id))
      .returning({ failedLogins: staff.failedLogins });
    return refuse(counted?.failedLogins === 0 ? 'wrong_password_locked' : 'wrong_password');
  }
  if (row.status !== 'active') return refuse('disabled');
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + input.ttlMinutes * 60_000);
  await deps.db.transaction(async (tx) => {
    await tx.insert(sessions).values({ tokenHash: sha256Hex(token), staffId: row.id, csrfToken, createdAt: now, expiresAt, ip: input.ip ?? null, userAgent: input.userAgent?.slice(0, 300) ?? null });
    await tx.update(staff).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(staff.id, row.id));
    await recordAudit(tx, { ...deps, actor: actorFromStaff(row) }, { action: 'auth.login', targetType: 'staff', targetId: row.id, payload: { ip: input.ip ?? null } });
  });
  return { token, csrfToken, expiresAt, staff: await presentOneStaff(deps.db, { ...row, lastLoginAt: now }) };
}

/** A live session and the actor behind it. */
export interface SessionAuth {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  mustChangePassword: boolean;
}

/** Resolves a session token to its actor, or undefined when it is unknown, expired, revoked or its account disabled. */
export async function authenticateSession(db: Db, clock: Clock, token: string): Promise<SessionAuth | undefined> {
  const [hit] = await db
    .select({ session: sessions, staff })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(and(eq(sessions.tokenHash, sha256Hex(token)), isNull(sessions.revokedAt)));
  if (!hit || hit.session.expiresAt <= clock.now() || hit.staff.status !== 'active') return undefined;
  return { actor: actorFromStaff(hit.staff), csrfToken: hit.session.csrfToken, expiresAt: hit.session.expiresAt, mustChangePassword: hit.staff.mustChangePassword };
}

/** Ends a session. */
export async function logout(deps: AuditContext & { db: Db }, token: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: deps.clock.now() }).where(eq(sessions.tokenHash, sha256Hex(token)));
    await recordAudit(tx, deps, { action: 'auth.logout', targetType: 'staff', targetId: deps.actor.id });
  });
}

type ApiKeyRow = typeof apiKeys.$inferSelect;

function presentApiKey(r: ApiKeyRow): ApiKeyView {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    departmentId: r.departmentId,
    roles: r.roles as Role[],
    scopeRegionCode: r.scopeRegionCode,
    scopeDepartmentIds: r.scopeDepartmentIds,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  };
}

/** Keys look like `mz_<32 hex id>_<secret>`; only the SHA-256 of the secret is stored. */
const KEY_PATTERN = /^mz_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** Issues an API key for a department system (admin only); the key is returned once and never again. */
export async function createApiKey(
  ctx: Ctx,
  input: { name: string; departmentId: string; roles: string[]; scopeRegionCode: string; scopeDepartmentIds?: string[] | undefined; expiresAt?: string | undefined },
): Promise<{ key: string; apiKey: ApiKeyView }> {
  assertCan(ctx.actor, 'apikey.manage');
  const errors: FieldError[] = [];
  if (!input.name.trim()) errors.push({ field: 'name', message: 'is required' });
  if (input.roles.length === 0) errors.push({ field: 'roles', message: 'at least one role is required' });
  for (const r of input.roles) {
    if (!(ROLES as readonly string[]).includes(r) || r === 'admin') errors.push({ field: 'roles', message: `"${r}" cannot be given to an API key` });
  }
  if (!(await findRegion(ctx.db, input.scopeRegionCode))) errors.push({ field: 'scopeRegionCode', message: 'region does not exist' });
  else if (!inRegionScope(ctx.actor, input.scopeRegionCode)) errors.push({ field: 'scopeRegionCode', message: 'outside your own scope' });
  const [dept] = await ctx.db.select({ id: departments.id, regionCode: departments.regionCode }).from(departments).where(eq(departments.id, input.departmentId));
  if (!dept) errors.push({ field: 'departmentId', message: 'department does not exist' });
  else if (!inRegionScope(ctx.actor, dept.regionCode)) errors.push({ field: 'departmentId', message: 'outside your own scope' });
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt <= ctx.clock.now())) errors.push({ field: 'expiresAt', message: 'must be a future date-time' });
  if (errors.length) throw invalid(errors);
  const id = uuidv7(ctx.clock.now().getTime());
  const secret = randomToken();
  const key = `mz_${id.replace(/-/g, '')}_${secret}`;
  const row: ApiKeyRow = {
    id,
    name: input.name.trim(),
    prefix: key.slice(0, 11),
    secretHash: sha256Hex(secret),
    departmentId: input.departmentId,
    roles: [...new Set(input.roles)],
    scopeRegionCode: input.scopeRegionCode,
    scopeDepartmentIds: input.scopeDepartmentIds ?? [],
    createdBy: ctx.actor.id,
    createdAt: ctx.clock.now(),
    expiresAt,
    revokedAt: null,
    lastUsedAt: null,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(apiKeys).values(row);
    await recordAudit(tx, ctx, { action: 'apikey.create', targetType: 'api_key', targetId: id, payload: { name: row.name, departmentId: row.departmentId, roles: row.roles } });
  });
  return { key, apiKey: presentApiKey(row) };
}

/** API keys in the actor's region scope, newest first. */
export async function listApiKeys(ctx: Ctx): Promise<ApiKeyView[]> {
  assertCan(ctx.actor, 'apikey.manage');
  const [lo, hi] = regionCodeRange(ctx.actor.scope.regionCode);
  const rows = await ctx.db.select().from(apiKeys).where(and(gte(apiKeys.scopeRegionCode, lo), lte(apiKeys.scopeRegionCode, hi))).orderBy(desc(apiKeys.id));
  return rows.map(presentApiKey);
}

/** Revokes an API key; it stops working on the next request. */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<ApiKeyView> {
  assertCan(ctx.actor, 'apikey.manage');
  const [row] = isUuid(id) ? await ctx.db.select().from(apiKeys).where(eq(apiKeys.id, id)) : [];
  if (!row || !inRegionScope(ctx.actor, row.scopeRegionCode)) throw new AppError('not_found', `API key ${id} not found`);
  if (row.revokedAt) return presentApiKey(row);
  const revokedAt = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(apiKeys).set({ revokedAt }).where(eq(apiKeys.id, id));
    await recordAudit(tx, ctx, { action: 'apikey.revoke', targetType: 'api_key', targetId: id, payload: { name: row.name } });
  });
  return presentApiKey({ ...row, revokedAt });
}

/** Resolves a presented API key to its actor, or undefined when unknown, revoked or expired. */
export async function authenticateApiKey(db: Db, clock: Clock, key: string): Promise<Actor | undefined> {
  const match = KEY_PATTERN.exec(key);
  if (!match?.[1] || !match[2]) return undefined;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  const now = clock.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !safeEqual(row.secretHash, sha256Hex(match[2]))) return undefined;
  // Record use at most once a minute per key, so a busy system does not write on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
  }
  return {
    kind: 'api_key',
    id: row.id,
    name: row.name,
    departmentId: row.departmentId,
    roles: row.roles as Role[],
    scope: { regionCode: row.scopeRegionCode, departmentIds: [...new Set([row.departmentId, ...row.scopeDepartmentIds])] },
  };
}

/** Removes sessions that ended more than a day ago (a periodic chore). */
export async function purgeEndedSessions(db: Db, clock: Clock): Promise<void> {
  const cutoff = new Date(clock.now().getTime() - 86_400_000).toISOString();
  await db.execute(sql`delete from sessions where expires_at < ${cutoff} or revoked_at < ${cutoff}`);
}
