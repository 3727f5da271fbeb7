import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorText, setCsrfToken } from '../../shared/api';
import type { LoginResult } from '../../shared/contracts';
import { PrefsToolbar } from '../../shared/PrefsToolbar';
import { useMessages } from '../messages';
import { consoleSessionHint } from '../session';

/** Staff sign-in with username and password. */
export default function LoginPage() {
  const t = useMessages();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api<LoginResult>('/api/v1/auth/login', { method: 'POST', body: values });
      setCsrfToken(result.csrfToken);
      consoleSessionHint.set(true);
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-top">
          <PrefsToolbar />
        </div>
        <Card>
          <Typography.Title level={1} style={{ fontSize: '1.6em', marginTop: 0 }}>
            {t.appName}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t.appSubtitle} · {t.loginTitle}</Typography.Paragraph>
          {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false}>
            <Form.Item name="username" label={t.username} rules={[{ required: true, message: t.required }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item name="password" label={t.password} rules={[{ required: true, message: t.required }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t.login}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: '0.9em' }}>
            {t.demoHint}
          </Typography.Paragraph>
        </Card>
      </div>
    </main>
  );
}
