import { SafetyOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Result, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../shared/api';
import type { VerificationResult } from '../../shared/contracts';
import { formatTime } from '../../shared/format';
import { useLicenseWords } from '../../shared/license-messages';
import { useLicenseMessages } from '../license-messages';

const RESULT_STATUS = { valid: 'success', invalid: 'error', revoked: 'error', expired: 'warning' } as const;

/**
 * 核验: an official pastes or uploads a signed licence or proof document and sees whether it is valid,
 * invalid (altered, unknown key, replaced), revoked or expired, with the reasons, from POST /api/v1/verify.
 */
export default function VerifyPage() {
  const t = useLicenseMessages();
  const w = useLicenseWords();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<VerificationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setResult(null);
    setError(null);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      setError(t.notJson);
      return;
    }
    setBusy(true);
    try {
      setResult(await api<VerificationResult>('/api/v1/verify', { method: 'POST', body: doc }));
    } catch (err) {
      setError(`${t.notADocument} ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const headline = (r: VerificationResult) => {
    if (r.result === 'revoked' && r.status && r.status in { cancelled: 1, revoked: 1, withdrawn: 1 }) return w[`standing.${r.status as 'cancelled' | 'revoked' | 'withdrawn'}`];
    return t[`result.${r.result}`];
  };

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t.verifyTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.verifyIntro}</Typography.Paragraph>
      <Card className="form-card">
        <Space wrap style={{ marginBottom: 12 }}>
          <Upload
            accept=".json,application/json"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then((content) => {
                setText(content);
                setFileName(file.name);
                setResult(null);
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="verify-upload">
              {t.chooseFile}
            </Button>
          </Upload>
          {fileName ? <span className="mono subtle">{fileName}</span> : null}
        </Space>
        <label htmlFor="verify-input" className="field-label">
          {t.pasteDocument}
        </label>
        <Input.TextArea
          id="verify-input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setResult(null);
          }}
          rows={10}
          className="mono"
          spellCheck={false}
          placeholder='{"format":"mianzheng-signed-document/1", …}'
          data-testid="verify-input"
        />
        <Button type="primary" size="large" icon={<SafetyOutlined />} style={{ marginTop: 12 }} loading={busy} disabled={!text.trim()} onClick={() => void verify()} data-testid="verify-submit">
          {t.verifySubmit}
        </Button>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} role="alert" /> : null}
      {result ? (
        <Card className="form-card" style={{ marginTop: 16 }} data-testid="verify-result" data-result={result.result}>
          <Result
            status={RESULT_STATUS[result.result]}
            title={headline(result)}
            subTitle={[result.name, result.issuerName].filter(Boolean).join(' · ')}
            style={{ padding: '16px 0' }}
          >
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t.reasons}>
                <ul className="reasons">
                  {result.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </Descriptions.Item>
              {result.identifier ? (
                <Descriptions.Item label={w.identifier}>
                  <span className="mono">{result.identifier}</span>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t.checkedAt}>{formatTime(result.checkedAt)}</Descriptions.Item>
            </Descriptions>
          </Result>
        </Card>
      ) : null}
    </>
  );
}
