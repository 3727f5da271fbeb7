import { ArrowLeftOutlined, DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorText, queryString } from '../../shared/api';
import type { License, SignedDocument } from '../../shared/contracts';
import { documentFilename, downloadJson } from '../../shared/download';
import { useLicenseWords } from '../../shared/license-messages';
import { LicenseStatusTag, ValidityRange, useFieldItems } from '../../shared/LicenseParts';
import { Loading } from '../../shared/Loading';
import { QrCode } from '../../shared/QrCode';
import { useMessages } from '../messages';
import { StandingNote, useWalletSubject } from '../WalletParts';

/** One licence in the wallet: its status, the QR code of its public page, the signed file to download, and what scanning shows. */
export default function WalletLicensePage() {
  const t = useMessages();
  const w = useLicenseWords();
  const { id = '' } = useParams();
  const [subjectId] = useWalletSubject();
  const { message } = App.useApp();
  const [license, setLicense] = useState<License | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldItems = useFieldItems(license ?? { fields: [], disclosure: [] });

  useEffect(() => {
    setLicense(null);
    api<License>(`/api/v1/portal/licenses/${id}${queryString({ subjectId })}`).then(setLicense, (err: unknown) => setError(errorText(err)));
  }, [id, subjectId]);

  const download = async () => {
    if (!license) return;
    setBusy(true);
    try {
      downloadJson(documentFilename(license.typeName, license.number), await api<SignedDocument>(`/api/v1/portal/licenses/${license.id}/document${queryString({ subjectId })}`));
      message.success(t.downloaded);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Link to={`/licenses?subject=${subjectId}`} className="back-link">
        <ArrowLeftOutlined /> {t.backToWallet}
      </Link>
      {error ? <Alert type="error" showIcon title={error} style={{ margin: '16px 0' }} /> : null}
      {!license && !error ? <Loading /> : null}
      {license ? (
        <>
          <div className="wallet-title">
            <Typography.Title level={1} style={{ fontSize: '1.5em', margin: 0 }}>
              {license.typeName}
            </Typography.Title>
            <LicenseStatusTag license={license} className="wallet-status" />
          </div>
          <StandingNote license={license} />
          <Card className="wallet-qr" data-testid="wallet-qr">
            <QrCode value={`${window.location.origin}${license.verificationUrl}`} size={220} label={w.qrAlt} />
            <p className="qr-caption">
              {w.verificationCode} <span className="mono" data-testid="verification-code">{license.verificationCode}</span>
            </p>
            <p className="subtle">{t.scanToVerify}</p>
            <Button type="primary" size="large" block icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid="wallet-download">
              {w.downloadDocument}
            </Button>
            <p className="subtle" style={{ marginTop: 8 }}>
              {w.downloadHint}
            </p>
            <Button size="large" block icon={<ExportOutlined />} href={license.verificationUrl} target="_blank" rel="noopener">
              {w.openPublicPage}
            </Button>
          </Card>
          <Card className="subject-card wallet-license" title={<h2 className="card-title">{w.details}</h2>} data-testid="wallet-license">
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'number', label: w.number, children: <span className="mono">{license.number}</span> },
                { key: 'holder', label: w.holder, children: license.holderName },
                { key: 'holderCode', label: w.holderCode, children: <span className="mono">{license.holderCode}</span> },
                { key: 'issuer', label: w.issuer, children: license.issuerName },
                { key: 'issuedOn', label: w.issuedOn, children: license.issuedOn },
                { key: 'validity', label: w.validity, children: <ValidityRange license={license} /> },
                ...fieldItems,
              ]}
            />
          </Card>
          <Alert type="info" showIcon title={t.publicInfo} description={t.publicInfoList} />
        </>
      ) : null}
    </>
  );
}
