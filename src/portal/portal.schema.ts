import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../core/db/columns.js';

/**
 * One-time login codes for the portal (门户短信验证码). The phone is kept only as its blind index;
 * the code only as a salted SHA-256. Rows also serve as the ledger for the send rate limits.
 */
export const portalOtpCodes = pgTable(
  'portal_otp_codes',
  {
    id: uuid('id').primaryKey(),
    /** HMAC blind index of the normalised mobile number (the same index as subjects.phone_index). */
    phoneIndex: bytea('phone_index').notNull(),
    /** SHA-256 hex of `<id>:<code>`. */
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Wrong codes entered against this row; at the limit the row is spent. */
    attempts: integer('attempts').notNull().default(0),
    /** Set when the code was used or burnt by too many attempts. */
    consumedAt: timestamp('consumed_at', { withTimezone: true, mode: 'date' }),
    /** Address that asked for the code, for the per-address send limit. */
    ip: text('ip'),
  },
  (t) => [index('portal_otp_codes_phone_idx').on(t.phoneIndex, t.createdAt), index('portal_otp_codes_ip_idx').on(t.ip, t.createdAt)],
);

/** Portal sessions of citizens and enterprises; the `mz_portal` cookie holds a token, the table its SHA-256. */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** The mobile number that logged in, as its blind index; the session covers every subject registered with it. */
    phoneIndex: bytea('phone_index').notNull(),
    /** Sent back in X-CSRF-Token on state-changing requests. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    ip: text('ip'),
  },
  (t) => [index('portal_sessions_expires_idx').on(t.expiresAt)],
);
