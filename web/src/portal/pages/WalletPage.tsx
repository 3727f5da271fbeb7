import { Alert, Empty, Segmented, Typography } from 'antd';
import { Link } from 'react-router';
import { api, queryString } from '../../shared/api';
import type { License, Page } from '../../shared/contracts';
import { fill } from '../../shared/format';
import { useLicenseWords } from '../../shared/license-messages';
import { licenseStanding, standingRank } from '../../shared/license-standing';
import { LicenseStatusTag, ValidityRange } from '../../shared/LicenseParts';
import { Loading } from '../../shared/Loading';
import { useLoadMore } from '../../shared/useLoadMore';
import { LoadMoreButton } from '../LoadMoreButton';
import { useMessages } from '../messages';
import { usePortalSession } from '../portal-session';
import { StandingNote, useWalletSubject } from '../WalletParts';

/** 我的证照: one card per licence, ending-soon first, large and plain for older people; a card opens the licence with its QR code. */
export default function WalletPage() {
  const t = useMessages();
  const w = useLicenseWords();
  const { me } = usePortalSession();
  const [subjectId, setSubjectId] = useWalletSubject();
  const { items, loading, error, hasMore, more } = useLoadMore((cursor) => api<Page<License>>(`/api/v1/portal/licenses${queryString({ subjectId, cursor, limit: 50 })}`), subjectId);

  const sorted = [...items].sort((a, b) => standingRank(licenseStanding(a).standing) - standingRank(licenseStanding(b).standing) || (a.validUntil ?? '9999').localeCompare(b.validUntil ?? '9999'));
  const expiring = sorted.filter((l) => licenseStanding(l).standing === 'expiring').length;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em' }}>
        {t.wallet}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.walletIntro}</Typography.Paragraph>
      {me.subjects.length > 1 ? (
        <Segmented block aria-label={t.whose} value={subjectId} onChange={(v) => setSubjectId(String(v))} options={me.subjects.map((s) => ({ value: s.id, label: s.name }))} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {expiring > 0 ? <Alert type="warning" showIcon title={fill(t.expiringAlert, { n: expiring })} style={{ marginBottom: 16 }} className="wallet-alert" /> : null}
      {loading && items.length === 0 ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty description={t.noLicenses} />
      ) : (
        <ul className="wallet-list" data-testid="wallet" aria-label={`${t.wallet} · ${fill(t.walletCount, { n: items.length })}`}>
          {sorted.map((l) => (
            <li key={l.id} className={`wallet-card standing-${licenseStanding(l).standing}`} data-testid="wallet-card">
              <div className="wallet-card-head">
                <h2>
                  <Link to={`/licenses/${l.id}?subject=${subjectId}`} aria-label={fill(t.openLicense, { name: l.typeName })}>
                    {l.typeName}
                  </Link>
                </h2>
                <LicenseStatusTag license={l} className="wallet-status" />
              </div>
              <dl className="wallet-facts">
                <div>
                  <dt>{w.number}</dt>
                  <dd className="mono">{l.number}</dd>
                </div>
                <div>
                  <dt>{w.issuer}</dt>
                  <dd>{l.issuerName}</dd>
                </div>
                <div>
                  <dt>{w.validity}</dt>
                  <dd><ValidityRange license={l} /></dd>
                </div>
              </dl>
              <StandingNote license={l} />
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton list={{ hasMore, loading, more }} />
    </>
  );
}
