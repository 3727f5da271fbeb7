/** Licence statuses, with the status codes used by the provincial platforms (GB/T 36904 practice). */
export const LICENSE_STATUSES = {
  valid: { code: '01', zh: '有效' },
  withdrawn: { code: '03', zh: '撤销' },
  cancelled: { code: '04', zh: '注销' },
  expired: { code: '05', zh: '失效' },
  revoked: { code: '07', zh: '吊销' },
  /** Replaced by a newer version (变更); reported as 99 其他. */
  superseded: { code: '99', zh: '已变更（被新版本替代）' },
} as const;

export type LicenseStatus = keyof typeof LICENSE_STATUSES;

/** The status a licence has today: a valid licence past its last day has expired even before the nightly job says so. */
export function effectiveStatus(status: string, validUntil: string | null, today: string): LicenseStatus {
  if (status === 'valid' && validUntil !== null && validUntil < today) return 'expired';
  return (status in LICENSE_STATUSES ? status : 'valid') as LicenseStatus;
}

/** Today's date (YYYY-MM-DD) in China Standard Time, the calendar every licence is dated in. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
