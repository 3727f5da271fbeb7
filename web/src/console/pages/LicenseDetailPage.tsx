import { ArrowLeftOutlined, DownloadOutlined, ExportOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, api, errorText, queryString } from '../../shared/api';
import type { License, LicenseEvent, SignedDocument } from '../../shared/contracts';
import { documentFilename, downloadJson } from '../../shared/download';
import { fill, formatTime } from '../../shared/format';
import { useLicenseWords } from '../../shared/license-messages';
import { LicenseStatusTag, ValidityRange, useFieldItems } from '../../shared/LicenseParts';
import { QrCode } from '../../shared/QrCode';
import { LicenseActions } from '../LicenseActions';
import { useLicenseTypes } from '../license-catalogue';
import { useLicenseMessages } from '../license-messages';
import { useSession } from '../session';

/** True when the API refused the read because it is another department's licence and no purpose was given. */
function needsPurpose(err: unknown): boolean {
  return err instanceof ApiError && err.status === 400 && (err.problem?.errors ?? []).some((e) => e.field === 'purpose');
}

/** The versions of one licence, oldest first, from its history (issue starts version 1, each amendment the next). */
function versionsOf(history: LicenseEvent[]): { licenseId: string; identifier: string }[] {
  return history.filter((e) => e.action === 'issue' || e.action === 'amend').map((e) => ({ licenseId: e.licenseId, identifier: String(e.details.identifier ?? '') }));
}

/**
 * 证照详情: every field, the holder, the version chain and history, the QR code of the public page,
 * the signed document and the issuing department's actions. Another department's licence is a
 * retrieval (调取): the page asks for its purpose before loading it and says the read is recorded.
 */
export default function LicenseDetailPage() {
  const t = useLicenseMessages();
  const w = useLicenseWords();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { me, can } = useSession();
  const { message } = App.useApp();
  const { types } = useLicenseTypes();
  const given = (location.state as { purpose?: string } | null)?.purpose;
  const [license, setLicense] = useState<License | null>(null);
  const [history, setHistory] = useState<LicenseEvent[]>([]);
  const [purpose, setPurpose] = useState<string | undefined>(given);
  const [askPurpose, setAskPurpose] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ purpose: string }>();

  // Only the latest load may set the page (a quick change of licence, or React running the effect twice in development).
  const latest = useRef(0);
  const load = useCallback(
    async (why: string | undefined) => {
      const mine = ++latest.current;
      setError(null);
      try {
        const loaded = await api<License>(`/api/v1/licenses/${id}${queryString({ purpose: why })}`);
        const events = await api<{ items: LicenseEvent[] }>(`/api/v1/licenses/${id}/history${queryString({ purpose: why })}`);
        if (mine !== latest.current) return;
        setLicense(loaded);
        setHistory(events.items);
        setAskPurpose(false);
        setPurpose(why);
      } catch (err) {
        if (mine !== latest.current) return;
        if (needsPurpose(err)) setAskPurpose(true);
        else setError(errorText(err));
      }
    },
    [id],
  );
  useEffect(() => {
    setLicense(null);
    setHistory([]);
    void load(given);
  }, [id]);

  const ownDepartment = license !== null && (me.scope.departmentIds.includes(license.issuerDepartmentId) || me.staff?.departmentId === license.issuerDepartmentId);
  const mayAct = ownDepartment && can('license.issue') && license !== null && (license.status === 'valid' || license.status === 'expired');
  const publicUrl = license ? `${window.location.origin}${license.verificationUrl}` : '';
  const versions = versionsOf(history);
  const fieldItems = useFieldItems(license ?? { fields: [], disclosure: [] });
  const download = async () => {
    if (!license) return;
    try {
      downloadJson(documentFilename(license.typeName, license.number), await api<SignedDocument>(`/api/v1/licenses/${license.id}/document`));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/licenses">
          <ArrowLeftOutlined /> {t.back}
        </Link>
      </Space>
      <div className="title-with-status">
        <Typography.Title level={1} className="page-title">
          {license ? `${license.typeName} · ${license.number}` : t.detailTitle}
        </Typography.Title>
        {license ? <LicenseStatusTag license={license} className="status-tag-large" /> : null}
      </div>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {askPurpose ? (
        <Card title={<h2 className="card-title">{t.retrievalTitle}</h2>} style={{ maxWidth: 640 }} data-testid="purpose-card">
          <Alert type="warning" showIcon title={t.retrievalExplain} description={t.retrievalRecorded} style={{ marginBottom: 16 }} />
          <Form form={form} layout="vertical" onFinish={(v) => void load(v.purpose.trim())} requiredMark={false}>
            <Form.Item name="purpose" label={t.retrievalPurpose} rules={[{ required: true, whitespace: true, min: 2, message: t.purposeRequired }]}>
              <Input.TextArea rows={2} maxLength={200} placeholder={t.purposeExample} data-testid="detail-purpose" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SafetyOutlined />} data-testid="detail-purpose-submit">
              {t.retrievalSubmit}
            </Button>
          </Form>
        </Card>
      ) : null}
      {license ? (
        <>
          {purpose && !ownDepartment ? <Alert type="info" showIcon title={fill(t.retrievalDone, { purpose })} style={{ marginBottom: 16 }} data-testid="retrieval-recorded" /> : null}
          {license.status === 'superseded' ? <Alert type="info" showIcon title={t.supersededNote} style={{ marginBottom: 16 }} /> : null}
          {mayAct ? <LicenseActions license={license} type={types?.find((x) => x.code === license.typeCode)} onDone={(next) => (next.id === license.id ? void load(purpose) : navigate(`/licenses/${next.id}`, { state: { purpose } }))} /> : null}
          <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={16}>
              <Card title={<h2 className="card-title">{w.details}</h2>} data-testid="license-detail">
                <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" className="nowrap-labels">
                  <Descriptions.Item label={w.typeName}>{license.typeName}</Descriptions.Item>
                  <Descriptions.Item label={w.number}>
                    <span className="mono">{license.number}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={w.holder}>
                    <Link to={`/subjects/${license.holderId}`} state={{ purpose }}>
                      {license.holderName}
                    </Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={w.holderCode}>
                    <span className="mono">{license.holderCode}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={w.issuer}>{license.issuerName}</Descriptions.Item>
                  <Descriptions.Item label={w.issuedOn}>{license.issuedOn}</Descriptions.Item>
                  <Descriptions.Item label={w.validity}><ValidityRange license={license} /></Descriptions.Item>
                  <Descriptions.Item label={w.status}>
                    <LicenseStatusTag license={license} /> <span className="mono subtle">{license.statusCode}</span>
                  </Descriptions.Item>
                  {license.statusReason ? (
                    <Descriptions.Item label={w.statusReason} span="filled">
                      {license.statusReason}
                    </Descriptions.Item>
                  ) : null}
                  <Descriptions.Item label={w.version}>{fill(w.versionN, { n: license.version })}</Descriptions.Item>
                  <Descriptions.Item label={w.region}>
                    <span className="mono">{license.regionCode}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={w.identifier} span="filled">
                    <span className="mono">{license.identifier}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={w.signedAt} span="filled">
                    {license.signed ? `${formatTime(license.signedAt)} · SM2-SM3` : t.notSigned}
                  </Descriptions.Item>
                </Descriptions>
                <h3 className="section-title">{w.fields}</h3>
                <Descriptions column={1} bordered size="small" className="nowrap-labels" items={fieldItems} data-testid="license-fields" />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={<h2 className="card-title">{w.qrTitle}</h2>} className="qr-card">
                <QrCode value={publicUrl} size={180} label={w.qrAlt} />
                <div className="qr-caption">
                  {w.verificationCode} <span className="mono" data-testid="verification-code">{license.verificationCode}</span>
                </div>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Button block icon={<ExportOutlined />} href={license.verificationUrl} target="_blank" rel="noopener" data-testid="public-page-link">
                    {w.openPublicPage}
                  </Button>
                  {ownDepartment ? (
                    <Button block icon={<DownloadOutlined />} onClick={() => void download()} data-testid="download-document">
                      {t.downloadSigned}
                    </Button>
                  ) : null}
                </Space>
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={<h2 className="card-title">{t.versionsAndHistory}</h2>} data-testid="license-history">
                {versions.length > 1 ? (
                  <ol className="version-chain" aria-label={t.versionChain}>
                    {versions.map((v, i) => (
                      <li key={v.licenseId} className={v.licenseId === license.id ? 'current' : undefined}>
                        <strong>{fill(w.versionN, { n: i + 1 })}</strong>{' '}
                        {v.licenseId === license.id ? (
                          <Tag color="blue">{t.thisVersion}</Tag>
                        ) : (
                          <Link to={`/licenses/${v.licenseId}`} state={{ purpose }}>
                            {t.openVersion}
                          </Link>
                        )}
                        <div className="mono subtle">{v.identifier}</div>
                      </li>
                    ))}
                  </ol>
                ) : null}
                <Timeline
                  items={history.map((e) => ({
                    key: e.id,
                    color: e.action === 'issue' || e.action === 'amend' ? 'green' : e.action === 'expire' || e.action === 'supersede' ? 'gray' : 'red',
                    content: (
                      <div>
                        <time className="subtle" dateTime={e.at}>
                          {formatTime(e.at)}
                        </time>
                        <div>
                          <strong>{(t as Record<string, string>)[`event.${e.action}`] ?? e.action}</strong>
                          {e.licenseId !== license.id ? ` (${t.otherVersion})` : ''} · {e.actorName}
                        </div>
                        {e.reason ? <div>{fill(t.eventReason, { reason: e.reason })}</div> : null}
                      </div>
                    ),
                  }))}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
