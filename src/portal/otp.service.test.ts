import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import type { Database } from '../core/db/database.js';
import { AppError } from '../core/errors.js';
import { engineName, openTestDatabase, testDeps } from '../test/harness.js';
import { OTP_RULES, sendLoginCode, verifyLoginCode, type PortalDeps } from './otp.service.js';
import { recordingSender, seedPortalSubject } from '../test/portal-fixtures.js';
import { authenticatePortalSession } from './portal-session.service.js';

const PHONE = '13907370001';
const UNREGISTERED = '13907379999';

describe(`portal one-time codes (${engineName})`, () => {
  let database: Database;
  const clock = fixedClock(new Date('2026-03-01T08:00:00Z'));
  const sender = recordingSender();
  let deps: PortalDeps;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = { ...testDeps(database, clock), sender, rules: OTP_RULES };
    await seedPortalSubject(deps, PHONE);
  });
  afterAll(async () => database?.close());

  const login = (phone: string, code: string) => verifyLoginCode(deps, { phone, code, ttlMinutes: 60, ip: '127.0.0.1' });
  const refusal = async (p: Promise<unknown>) => {
    const err = await p.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  };

  it('sends a code to a registered number and logs in with it, once', async () => {
    const sent = await sendLoginCode(deps, { phone: `+86 139-0737-0001`, ip: '10.0.0.1' });
    expect(sent).toEqual({ sentTo: '139****0001', expiresInSeconds: 300, resendAfterSeconds: 60 });
    await new Promise((r) => setImmediate(r));
    const code = sender.lastCodeFor(PHONE);
    expect(code).toMatch(/^\d{6}$/);
    const result = await login(PHONE, code ?? '');
    expect(result.subjects).toHaveLength(1);
    expect(result.subjects[0]?.phone).toBe('139****0001');
    expect(result.subjects[0]?.idNumber).toMatch(/^430902\*{8}\d{3}[\dX]$/);
    const session = await authenticatePortalSession(deps.db, clock, result.token);
    expect(session?.subjects[0]?.id).toBe(result.subjects[0]?.id);
    // The code is spent.
    expect((await refusal(login(PHONE, code ?? ''))).code).toBe('unauthorized');
  });

  it('answers an unregistered number exactly as a registered one, and delivers nothing', async () => {
    clock.advance(120_000);
    const before = sender.sent.length;
    const sent = await sendLoginCode(deps, { phone: UNREGISTERED, ip: '10.0.0.2' });
    expect(sent).toEqual({ sentTo: '139****9999', expiresInSeconds: 300, resendAfterSeconds: 60 });
    await new Promise((r) => setImmediate(r));
    expect(sender.sent.length).toBe(before);
    const err = await refusal(login(UNREGISTERED, '000000'));
    expect(err.message).toMatch(/wrong code, 4 attempts left/);
  });

  it('refuses an expired code', async () => {
    clock.advance(120_000);
    await sendLoginCode(deps, { phone: PHONE, ip: '10.0.0.3' });
    await new Promise((r) => setImmediate(r));
    const code = sender.lastCodeFor(PHONE) ?? '';
    clock.advance(OTP_RULES.ttlSeconds * 1000 + 1);
    const err = await refusal(login(PHONE, code));
    expect(err.message).toMatch(/expired/);
  });

  it('spends a code after five wrong entries, even if the right one comes next', async () => {
    clock.advance(120_000);
    await sendLoginCode(deps, { phone: PHONE, ip: '10.0.0.4' });
    await new Promise((r) => setImmediate(r));
    const code = sender.lastCodeFor(PHONE) ?? '';
    const wrong = code === '111111' ? '222222' : '111111';
    for (let left = 4; left >= 1; left--) expect((await refusal(login(PHONE, wrong))).message).toMatch(new RegExp(`${left} attempts left`));
    expect((await refusal(login(PHONE, wrong))).message).toMatch(/too many wrong codes/);
    expect((await refusal(login(PHONE, code))).code).toBe('unauthorized');
  });

  it('only the newest code of a number is valid', async () => {
    clock.advance(120_000);
    await sendLoginCode(deps, { phone: PHONE });
    await new Promise((r) => setImmediate(r));
    const first = sender.lastCodeFor(PHONE) ?? '';
    clock.advance(61_000);
    await sendLoginCode(deps, { phone: PHONE });
    await new Promise((r) => setImmediate(r));
    const second = sender.lastCodeFor(PHONE) ?? '';
    if (first !== second) expect((await refusal(login(PHONE, first))).code).toBe('unauthorized');
    expect((await login(PHONE, second)).subjects).toHaveLength(1);
  });

  it('limits sends per number (one a minute, five an hour) and per address', async () => {
    const phone = '13907370077';
    clock.advance(3_600_000);
    await sendLoginCode(deps, { phone, ip: '10.0.1.1' });
    const early = await refusal(sendLoginCode(deps, { phone, ip: '10.0.1.1' }));
    expect(early.code).toBe('too_many_requests');
    for (let i = 1; i < OTP_RULES.perPhonePerHour; i++) {
      clock.advance(61_000);
      await sendLoginCode(deps, { phone, ip: `10.0.1.${i + 1}` });
    }
    clock.advance(61_000);
    expect((await refusal(sendLoginCode(deps, { phone, ip: '10.0.1.99' }))).message).toMatch(/too many codes for this number/);
    // Per address: twenty numbers from one address in an hour, then refused.
    const strict: PortalDeps = { ...deps, rules: { ...OTP_RULES, perIpPerHour: 3 } };
    for (let i = 0; i < 3; i++) await sendLoginCode(strict, { phone: `1380737010${i}`, ip: '10.0.2.1' });
    expect((await refusal(sendLoginCode(strict, { phone: '13807370109', ip: '10.0.2.1' }))).message).toMatch(/this address/);
    clock.advance(3_600_001);
    await sendLoginCode(strict, { phone: '13807370109', ip: '10.0.2.1' });
  });

  it('rejects a malformed number and answers 503 when no delivery is configured', async () => {
    expect((await refusal(sendLoginCode(deps, { phone: '12345' }))).code).toBe('invalid');
    expect((await refusal(sendLoginCode({ ...deps, sender: null }, { phone: PHONE }))).code).toBe('unavailable');
  });
});
