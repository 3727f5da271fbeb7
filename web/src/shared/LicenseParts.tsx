import { Tag, type DescriptionsProps } from 'antd';
import type { License } from './contracts';
import { fill } from './format';
import { useLicenseWords } from './license-messages';
import { STANDING_COLORS, licenseStanding } from './license-standing';

/** The licence's status today as a coloured tag; an expiring licence says how many days are left. */
export function LicenseStatusTag({ license, className }: { license: Pick<License, 'status' | 'validUntil'>; className?: string }) {
  const w = useLicenseWords();
  const { standing, daysLeft } = licenseStanding(license);
  const days = standing === 'expiring' && daysLeft !== null ? (daysLeft === 0 ? w.endsToday : fill(w.daysLeft, { n: daysLeft })) : null;
  return (
    <Tag color={STANDING_COLORS[standing]} className={className} data-standing={standing}>
      {w[`standing.${standing}`]}
      {days ? ` · ${days}` : ''}
    </Tag>
  );
}

/** `2021-06-01 至 2026-05-31` (or 长期), each date kept on one line. */
export function ValidityRange({ license }: { license: Pick<License, 'validFrom' | 'validUntil'> }) {
  const w = useLicenseWords();
  return (
    <>
      <span className="nowrap">{license.validFrom}</span>
      {w.validityTo}
      <span className="nowrap">{license.validUntil ?? w.longTerm}</span>
    </>
  );
}

/** The licence's particulars (照面信息) as description items, each field the holder agreed to show marked 公开. */
export function useFieldItems(license: Pick<License, 'fields' | 'disclosure'>): NonNullable<DescriptionsProps['items']> {
  const w = useLicenseWords();
  return license.fields.map((f) => ({
    key: f.key,
    label: f.label,
    children: (
      <>
        {f.value}
        {license.disclosure.includes(f.key) ? (
          <Tag color="cyan" style={{ marginInlineStart: 8 }}>
            {w.disclosed}
          </Tag>
        ) : null}
      </>
    ),
  }));
}
