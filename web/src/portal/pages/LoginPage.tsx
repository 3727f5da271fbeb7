import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText, setCsrfToken } from '../../shared/api';
import type { OtpSent, PortalMe } from '../../shared/contracts';
import { fill } from '../../shared/format';
import { PrefsToolbar } from '../../shared/PrefsToolbar';
import { useMessages } from '../messages';
import { portalSessionHint } from '../portal-session';

const MOBILE = /^1[3-9]\d{9}$/;

/** Log in with a mobile number and a one-time SMS code. */
export default function LoginPage() {
  const t = useMessages();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [sent, setSent] = useState<OtpSent | null>(null);
  const [wait, setWait] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    setError(null);
    const { phone } = await form.validateFields(['phone']);
    try {
      const result = await api<OtpSent>('/api/v1/portal/otp', { method: 'POST', body: { phone } });
      setSent(result);
      setWait(result.resendAfterSeconds);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const submit = async (values: { phone: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api<PortalMe>('/api/v1/portal/login', { method: 'POST', body: values });
      setCsrfToken(me.csrfToken);
      portalSessionHint.set(true);
      navigate('/', { replace: true });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="portal-login">
      <div className="portal-login-inner">
        <div className="portal-login-top">
          <strong style={{ fontSize: '1.15em' }}>{t.appName}</strong>
          <PrefsToolbar compact />
        </div>
        <Card>
          <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>
            {t.loginTitle}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t.loginIntro}</Typography.Paragraph>
          {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
          {sent && !error ? (
            <Alert type="info" showIcon role="status" style={{ marginBottom: 16 }} title={fill(t.codeSent, { phone: sent.sentTo, minutes: Math.round(sent.expiresInSeconds / 60) })} />
          ) : null}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(v: { phone: string; code: string }) => void submit(v)}>
            <Form.Item name="phone" label={t.phone} rules={[{ required: true, pattern: MOBILE, message: t.phoneInvalid }]}>
              <Input prefix={<MobileOutlined aria-hidden />} inputMode="numeric" autoComplete="tel-national" maxLength={11} size="large" data-testid="portal-phone" />
            </Form.Item>
            <Form.Item label={t.code} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t.codeInvalid }]}>
                  <Input prefix={<SafetyOutlined aria-hidden />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" aria-label={t.code} data-testid="portal-code" />
                </Form.Item>
                <Button size="large" onClick={() => void sendCode()} disabled={wait > 0} data-testid="portal-send-code">
                  {wait > 0 ? fill(t.resendIn, { n: wait }) : t.sendCode}
                </Button>
              </Space.Compact>
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="portal-login">
              {t.login}
            </Button>
          </Form>
        </Card>
      </div>
    </main>
  );
}
