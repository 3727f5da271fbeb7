import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Actor } from '../core/access/access.js';
import { randomToken, sha256Hex } from '../core/auth/secrets.js';
import type { Clock } from '../core/clock.js';
import type { Db, DbOrTx, Tx } from '../core/db/database.js';
import { AppError } from '../core/errors.js';
import { findSubjectRowsByPhoneIndex, type SubjectRow } from '../registry/index.js';
import { portalOtpCodes, portalSessions } from './portal.schema.js';

/** A live portal session: the subjects registered with the number that logged in. */
export interface PortalSession {
  subjects: SubjectRow[];
  csrfToken: string;
  expiresAt: Date;
}

/** The actor a subject acts as in the portal; it holds no staff permission. */
export function subjectActor(row: SubjectRow): Actor {
  return { kind: 'subject', id: row.id, name: 'portal', departmentId: null, roles: [], scope: { regionCode: row.regionCode, departmentIds: [] } };
}

/** The session's subject named by `subjectId` (default: the first); any other subject is not found, as if it did not exist. */
export function sessionSubject(session: PortalSession, subjectId: string | undefined): SubjectRow {
  const subject = subjectId ? session.subjects.find((s) => s.id === subjectId) : session.subjects[0];
  if (!subject) throw new AppError('not_found', `subject ${subjectId ?? ''} is not yours`);
  return subject;
}

/** Opens a session for a number that proved itself with a code; returns the token for the cookie. */
export async function openPortalSession(
  tx: Tx,
  input: { phoneIndex: Buffer; now: Date; ttlMinutes: number; ip?: string | undefined },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlMinutes * 60_000);
  await tx.insert(portalSessions).values({ tokenHash: sha256Hex(token), phoneIndex: input.phoneIndex, csrfToken, createdAt: input.now, expiresAt, ip: input.ip ?? null });
  return { token, csrfToken, expiresAt };
}

/** Resolves a session token, or undefined when it is unknown, expired, revoked, or its number no longer has a subject. */
export async function authenticatePortalSession(db: DbOrTx, clock: Clock, token: string): Promise<PortalSession | undefined> {
  const [row] = await db
    .select()
    .from(portalSessions)
    .where(and(eq(portalSessions.tokenHash, sha256Hex(token)), isNull(portalSessions.revokedAt)));
  if (!row || row.expiresAt <= clock.now()) return undefined;
  const subjects = await findSubjectRowsByPhoneIndex(db, row.phoneIndex);
  if (subjects.length === 0) return undefined;
  return { subjects, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

/** Ends a session. */
export async function closePortalSession(db: DbOrTx, clock: Clock, token: string): Promise<void> {
  await db.update(portalSessions).set({ revokedAt: clock.now() }).where(eq(portalSessions.tokenHash, sha256Hex(token)));
}

/** Deletes ended sessions and codes older than a day (housekeeping; neither is a regulated record). */
export async function purgePortalLeftovers(db: Db, clock: Clock): Promise<void> {
  const now = clock.now();
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db.delete(portalSessions).where(or(lt(portalSessions.expiresAt, now), lt(portalSessions.revokedAt, now)));
  await db.delete(portalOtpCodes).where(lt(portalOtpCodes.createdAt, dayAgo));
}
