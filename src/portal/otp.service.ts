import { randomInt } from 'node:crypto';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Actor } from '../core/access/access.js';
import { recordAudit } from '../core/audit/audit.service.js';
import { safeEqual, sha256Hex } from '../core/auth/secrets.js';
import type { Deps } from '../core/context.js';
import { maskPhone } from '../core/crypto/masking.js';
import { AppError, invalid } from '../core/errors.js';
import { uuidv7 } from '../core/ids/uuid.js';
import { findSubjectRowsByPhoneIndex, normalizePhone, presentSubject, SubjectView } from '../registry/index.js';
import type { OtpSender } from './otp.sender.js';
import { openPortalSession, subjectActor } from './portal-session.service.js';
import { portalOtpCodes } from './portal.schema.js';

/** The rules for portal one-time codes. */
export interface OtpRules {
  codeLength: number;
  /** A code is valid this long after it was sent. */
  ttlSeconds: number;
  /** Wrong entries before the code is spent. */
  maxAttempts: number;
  /** Minimum gap between two codes for one number. */
  resendAfterSeconds: number;
  perPhonePerHour: number;
  perIpPerHour: number;
}

/** Defaults: six digits, five minutes, five tries, one code a minute and five an hour per number, twenty an hour per address. */
export const OTP_RULES: OtpRules = { codeLength: 6, ttlSeconds: 300, maxAttempts: 5, resendAfterSeconds: 60, perPhonePerHour: 5, perIpPerHour: 20 };

/** What the portal's functions need: the platform's dependencies, the code sender and the rules. */
export interface PortalDeps extends Deps {
  /** null when no delivery is configured (production without MIANZHENG_OTP_WEBHOOK). */
  sender: OtpSender | null;
  rules: OtpRules;
}

const MOBILE = /^1[3-9]\d{9}$/;
const WRONG_CODE = '验证码错误或已过期 / the code is wrong or has expired';

/** Anonymous portal visitors, as the audit chain records them. */
const portalVisitor: Actor = { kind: 'system', id: 'anonymous', name: 'portal', departmentId: null, roles: [], scope: { regionCode: '000000000000', departmentIds: [] } };

function checkedMobile(raw: string): string {
  const phone = normalizePhone(raw);
  if (!MOBILE.test(phone)) throw invalid([{ field: 'phone', message: 'must be an 11-digit mainland mobile number' }]);
  return phone;
}

function tooMany(message: string): AppError {
  return new AppError('too_many_requests', message);
}

/**
 * Sends a login code to a mobile number. The answer, its timing and the rate limits are the same
 * whether or not a subject is registered with the number: a code row is always written, and the
 * code is delivered (in the background) only when a subject exists.
 */
export async function sendLoginCode(deps: PortalDeps, input: { phone: string; ip?: string | undefined }): Promise<{ sentTo: string; expiresInSeconds: number; resendAfterSeconds: number }> {
  const phone = checkedMobile(input.phone);
  const { sender, rules } = deps;
  if (!sender) throw new AppError('unavailable', '短信验证码暂不可用 / code delivery is not configured (MIANZHENG_OTP_WEBHOOK)');
  const now = deps.clock.now();
  const phoneIndex = deps.cipher.blindIndex('phone', phone);
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const [last] = await deps.db
    .select({ createdAt: portalOtpCodes.createdAt })
    .from(portalOtpCodes)
    .where(eq(portalOtpCodes.phoneIndex, phoneIndex))
    .orderBy(desc(portalOtpCodes.createdAt))
    .limit(1);
  const waitMs = last ? last.createdAt.getTime() + rules.resendAfterSeconds * 1000 - now.getTime() : 0;
  if (waitMs > 0) throw tooMany(`请 ${Math.ceil(waitMs / 1000)} 秒后再获取验证码 / wait ${Math.ceil(waitMs / 1000)} s before asking for another code`);
  const [perPhone] = await deps.db.select({ n: count() }).from(portalOtpCodes).where(and(eq(portalOtpCodes.phoneIndex, phoneIndex), gt(portalOtpCodes.createdAt, hourAgo)));
  if ((perPhone?.n ?? 0) >= rules.perPhonePerHour) throw tooMany('该号码获取验证码过于频繁，请一小时后再试 / too many codes for this number; try again in an hour');
  if (input.ip) {
    const [perIp] = await deps.db.select({ n: count() }).from(portalOtpCodes).where(and(eq(portalOtpCodes.ip, input.ip), gt(portalOtpCodes.createdAt, hourAgo)));
    if ((perIp?.n ?? 0) >= rules.perIpPerHour) throw tooMany('获取验证码过于频繁，请稍后再试 / too many codes from this address; try again later');
  }
  const code = String(randomInt(0, 10 ** rules.codeLength)).padStart(rules.codeLength, '0');
  const id = uuidv7(now.getTime());
  const expiresAt = new Date(now.getTime() + rules.ttlSeconds * 1000);
  const holders = await deps.db.transaction(async (tx) => {
    // Only the newest code of a number is valid.
    await tx.update(portalOtpCodes).set({ consumedAt: now }).where(and(eq(portalOtpCodes.phoneIndex, phoneIndex), isNull(portalOtpCodes.consumedAt)));
    await tx.insert(portalOtpCodes).values({ id, phoneIndex, codeHash: sha256Hex(`${id}:${code}`), createdAt: now, expiresAt, attempts: 0, ip: input.ip ?? null });
    return findSubjectRowsByPhoneIndex(tx, phoneIndex);
  });
  if (holders.length > 0) {
    sender.send({ phone, code, expiresAt }).catch((err: unknown) => deps.log.warn({ err, sender: sender.kind }, 'portal code delivery failed'));
  }
  return { sentTo: maskPhone(phone), expiresInSeconds: rules.ttlSeconds, resendAfterSeconds: rules.resendAfterSeconds };
}

type Verification =
  | { ok: true; token: string; csrfToken: string; expiresAt: Date; subjects: SubjectView[] }
  | { ok: false; reason: 'no_code' | 'expired' | 'wrong_code' | 'too_many_attempts' | 'no_subject'; attemptsLeft?: number };

/**
 * Logs a number in with its latest code: the code must be unexpired and unspent; each wrong entry
 * counts, and at the limit the code is spent. Success opens a session for the subjects registered
 * with the number. Every outcome is audited (never the number or the code).
 */
export async function verifyLoginCode(
  deps: PortalDeps,
  input: { phone: string; code: string; ip?: string | undefined; ttlMinutes: number; requestId?: string | undefined },
): Promise<{ token: string; csrfToken: string; expiresAt: Date; subjects: SubjectView[] }> {
  const phone = checkedMobile(input.phone);
  const now = deps.clock.now();
  const phoneIndex = deps.cipher.blindIndex('phone', phone);
  const audit = { clock: deps.clock, ...(input.requestId ? { requestId: input.requestId } : {}) };
  const outcome = await deps.db.transaction(async (tx): Promise<Verification> => {
    const [row] = await tx
      .select()
      .from(portalOtpCodes)
      .where(and(eq(portalOtpCodes.phoneIndex, phoneIndex), isNull(portalOtpCodes.consumedAt)))
      .orderBy(desc(portalOtpCodes.createdAt))
      .limit(1)
      .for('update');
    if (!row) return { ok: false, reason: 'no_code' };
    if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
    if (!safeEqual(sha256Hex(`${row.id}:${input.code}`), row.codeHash)) {
      const attempts = row.attempts + 1;
      const spent = attempts >= deps.rules.maxAttempts;
      await tx.update(portalOtpCodes).set({ attempts, consumedAt: spent ? now : null }).where(eq(portalOtpCodes.id, row.id));
      return spent ? { ok: false, reason: 'too_many_attempts' } : { ok: false, reason: 'wrong_code', attemptsLeft: deps.rules.maxAttempts - attempts };
    }
    await tx.update(portalOtpCodes).set({ consumedAt: now }).where(eq(portalOtpCodes.id, row.id));
    const holders = await findSubjectRowsByPhoneIndex(tx, phoneIndex);
    const [primary] = holders;
    if (!primary) return { ok: false, reason: 'no_subject' };
    const session = await openPortalSession(tx, { phoneIndex, now, ttlMinutes: input.ttlMinutes, ip: input.ip });
    // The subjects' own login is not a read of their data by someone else: targets only, no subjectIds.
    await recordAudit(tx, { ...audit, actor: subjectActor(primary) }, {
      action: 'portal.login',
      targetType: 'subject',
      targetId: primary.id,
      payload: { subjects: holders.map((h) => h.id), ip: input.ip ?? null },
    });
    return { ok: true, ...session, subjects: holders.map(presentSubject) };
  });
  if (outcome.ok) return { token: outcome.token, csrfToken: outcome.csrfToken, expiresAt: outcome.expiresAt, subjects: outcome.subjects };
  await recordAudit(deps.db, { ...audit, actor: portalVisitor }, { action: 'portal.login_failed', payload: { reason: outcome.reason, ip: input.ip ?? null } });
  if (outcome.reason === 'wrong_code' && outcome.attemptsLeft !== undefined) {
    throw new AppError('unauthorized', `验证码错误，还可尝试 ${outcome.attemptsLeft} 次 / wrong code, ${outcome.attemptsLeft} attempts left`);
  }
  if (outcome.reason === 'too_many_attempts') throw new AppError('unauthorized', '错误次数过多，请重新获取验证码 / too many wrong codes; ask for a new one');
  throw new AppError('unauthorized', WRONG_CODE);
}
