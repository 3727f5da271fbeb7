import { chinaDate } from '../../../src/licenses/license-status.js';
import type { License } from './contracts';

/** A valid licence whose last day is this close is shown as expiring (the reminder service's first stage, T-90). */
export const EXPIRING_WITHIN_DAYS = 90;

/** What a person should see of a licence: its status today, with "expiring" split off from valid. */
export type Standing = 'valid' | 'expiring' | 'expired' | 'superseded' | 'revoked' | 'cancelled' | 'withdrawn';

/** Every standing, in the order lists and filters show them. */
export const STANDINGS: readonly Standing[] = ['valid', 'expiring', 'expired', 'superseded', 'revoked', 'cancelled', 'withdrawn'];

/** Tag colours: green in force, orange ending soon, grey lapsed, blue replaced, reds ended by a decision. */
export const STANDING_COLORS: Record<Standing, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'default',
  superseded: 'blue',
  revoked: 'red',
  cancelled: 'volcano',
  withdrawn: 'magenta',
};

/** Today in China Standard Time (YYYY-MM-DD), the calendar licences are dated in. */
export function today(): string {
  return chinaDate(new Date());
}

/** The date `days` after `from` (YYYY-MM-DD). */
export function addDays(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The licence's standing on `on` (default today) and, when it has a last day, the days left until it. */
export function licenseStanding(license: Pick<License, 'status' | 'validUntil'>, on = today()): { standing: Standing; daysLeft: number | null } {
  const daysLeft = license.validUntil ? daysBetween(on, license.validUntil) : null;
  if (license.status === 'valid' && daysLeft !== null && daysLeft <= EXPIRING_WITHIN_DAYS) return { standing: daysLeft < 0 ? 'expired' : 'expiring', daysLeft };
  return { standing: (STANDINGS as readonly string[]).includes(license.status) ? (license.status as Standing) : 'valid', daysLeft };
}

/** Order for a holder's wallet: ending soon first, then in force, then lapsed, then ended. */
export function standingRank(standing: Standing): number {
  return ['expiring', 'valid', 'expired', 'revoked', 'cancelled', 'withdrawn', 'superseded'].indexOf(standing);
}
