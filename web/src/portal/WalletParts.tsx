import { WarningOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { License } from '../shared/contracts';
import { fill } from '../shared/format';
import { licenseStanding } from '../shared/license-standing';
import { useMessages } from './messages';
import { usePortalSession } from './portal-session';

/** The subject whose licences are shown: `?subject=` when it is one of the session's, else the first. */
export function useWalletSubject(): [string, (id: string) => void] {
  const { me } = usePortalSession();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('subject');
  const id = me.subjects.some((s) => s.id === wanted) ? (wanted ?? '') : (me.subjects[0]?.id ?? '');
  return [id, (next) => setParams({ subject: next }, { replace: true })];
}

/** What a holder should know under a card: days left, the day it lapsed, or why it ended. */
export function StandingNote({ license }: { license: License }) {
  const t = useMessages();
  const { standing, daysLeft } = licenseStanding(license);
  if (standing === 'expiring') {
    return (
      <p className="wallet-note warn" role="note">
        <WarningOutlined aria-hidden /> {daysLeft === 0 ? t.endsTodayNote : fill(t.expiringNote, { n: daysLeft ?? 0, date: license.validUntil ?? '' })}
      </p>
    );
  }
  if (standing === 'expired') return <p className="wallet-note">{fill(t.expiredNote, { date: license.validUntil ?? '' })}</p>;
  if (license.statusReason && (standing === 'revoked' || standing === 'cancelled' || standing === 'withdrawn')) return <p className="wallet-note ended">{fill(t.endedReason, { reason: license.statusReason })}</p>;
  return null;
}
