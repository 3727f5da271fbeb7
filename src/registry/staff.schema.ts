import { boolean, char, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { departments } from './department.schema.js';
import { regions } from './region.schema.js';

/** Staff accounts (干部/工作人员) of the console. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string. */
    passwordHash: text('password_hash').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    /** admin | officer | clerk | supervisor | auditor | viewer */
    roles: text('roles').array().notNull(),
    /** Root of the region subtree this account may act in. */
    scopeRegionCode: char('scope_region_code', { length: 12 }).notNull().references(() => regions.code),
    /** Departments this account may act for; empty means its own department only. */
    scopeDepartmentIds: uuid('scope_department_ids').array().notNull(),
    /** active | disabled */
    status: text('status').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('staff_department_idx').on(t.departmentId)],
);

/** Console sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 hex of the session token. */
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    /** Sent back in X-CSRF-Token on every state-changing request made with the cookie. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);

/** API keys for department systems: shown once, stored as a SHA-256, revocable. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** First characters of the key, shown in lists so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    departmentId: uuid('department_id').notNull().references(() => departments.id),
    roles: text('roles').array().notNull(),
    scopeRegionCode: char('scope_region_code', { length: 12 }).notNull(),
    scopeDepartmentIds: uuid('scope_department_ids').array().notNull(),
    createdBy: uuid('created_by').notNull().references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('api_keys_department_idx').on(t.departmentId)],
);
