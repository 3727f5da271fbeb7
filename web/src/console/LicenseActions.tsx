import { EditOutlined, HistoryOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../shared/api';
import type { AmendLicense, EndLicense, License, LicenseType } from '../shared/contracts';
import { fill } from '../shared/format';
import { useLicenseMessages } from './license-messages';

type Ending = EndLicense['status'];
const ENDINGS: Ending[] = ['cancelled', 'revoked', 'withdrawn'];

/**
 * What the issuing department may do to a licence in force or lapsed: amend it (变更, a new
 * version), renew it (延续, a new version with the next period), or end it (注销 / 吊销 / 撤销) with
 * a reason, each confirmed in a dialog. `onDone` gets the version to show next.
 */
export function LicenseActions({ license, type, onDone }: { license: License; type: LicenseType | undefined; onDone: (next: License) => void }) {
  const t = useLicenseMessages();
  const { message } = App.useApp();
  const [open, setOpen] = useState<'amend' | 'renew' | Ending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [amendForm] = Form.useForm<{ fields: Record<string, string>; disclosure: string[]; reason: string }>();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const fieldDefs = type?.fields ?? license.fields.map(({ key, label }) => ({ key, label }));
  const current = Object.fromEntries(license.fields.map((f) => [f.key, f.value]));

  const close = () => {
    setOpen(null);
    setError(null);
  };
  const run = async (call: () => Promise<License>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await call();
      close();
      message.success(done);
      onDone(next);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const amend = async () => {
    const v = await amendForm.validateFields();
    const fields = Object.fromEntries(Object.entries(v.fields ?? {}).filter(([k, value]) => typeof value === 'string' && value !== (current[k] ?? '') && (value !== '' || k in current)));
    const body: AmendLicense = { reason: v.reason.trim(), fields, disclosure: v.disclosure ?? [] };
    await run(() => api<License>(`/api/v1/licenses/${license.id}/amend`, { method: 'POST', body }), t.amended);
  };
  const renew = async () => {
    const { reason } = await reasonForm.validateFields();
    await run(() => api<License>(`/api/v1/licenses/${license.id}/renew`, { method: 'POST', body: reason?.trim() ? { reason: reason.trim() } : {} }), t.renewed);
  };
  const end = async (status: Ending) => {
    const { reason } = await reasonForm.validateFields();
    const body: EndLicense = { status, reason: reason.trim() };
    await run(() => api<License>(`/api/v1/licenses/${license.id}/end`, { method: 'POST', body }), fill(t.ended, { action: t[`end.${status}`] }));
  };

  const ending = open !== null && open !== 'amend' && open !== 'renew' ? open : null;
  return (
    <>
      <Space wrap className="license-actions" data-testid="license-actions">
        <Button
          icon={<EditOutlined />}
          onClick={() => setOpen('amend')}
        >
          {t.amend}
        </Button>
        {license.validUntil ? (
          <Button
            icon={<HistoryOutlined />}
            onClick={() => setOpen('renew')}
          >
            {t.renew}
          </Button>
        ) : null}
        {ENDINGS.map((s) => (
          <Button
            key={s}
            danger
            icon={<StopOutlined />}
            onClick={() => setOpen(s)}
          >
            {t[`end.${s}`]}
          </Button>
        ))}
      </Space>

      <Modal
        open={open === 'amend'}
        title={t.amendTitle}
        okText={t.amendOk}
        cancelText={t.cancel}
        confirmLoading={busy}
        onOk={() => void amend()}
        onCancel={close}
        destroyOnHidden
        width={640}
      >
        <Typography.Paragraph type="secondary">{t.amendIntro}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        {/* The dialogs' contents mount when they open, so each starts from the licence as it is now. */}
        <Form form={amendForm} layout="vertical" preserve={false} initialValues={{ fields: current, disclosure: license.disclosure }}>
          {fieldDefs.map((f) => (
            <Form.Item key={f.key} name={['fields', f.key]} label={f.label}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          ))}
          <Form.Item name="disclosure" label={t.disclosure} extra={t.disclosureHint}>
            <Checkbox.Group options={fieldDefs.map((f) => ({ value: f.key, label: f.label }))} />
          </Form.Item>
          <Form.Item name="reason" label={t.amendReason} rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="amend-reason" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={open === 'renew'}
        title={t.renewTitle}
        okText={t.renewOk}
        cancelText={t.cancel}
        confirmLoading={busy}
        onOk={() => void renew()}
        onCancel={close}
        destroyOnHidden
      >
        <Typography.Paragraph>{fill(t.renewIntro, { until: license.validUntil ?? '' })}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t.renewReason}>
            <Input placeholder={t.renew} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={ending !== null}
        title={ending ? fill(t.endTitle, { action: t[`end.${ending}`], name: license.typeName, number: license.number }) : ''}
        okText={ending ? fill(t.endOk, { action: t[`end.${ending}`] }) : ''}
        okButtonProps={{ danger: true }}
        cancelText={t.cancel}
        confirmLoading={busy}
        onOk={() => ending && void end(ending)}
        onCancel={close}
        destroyOnHidden
      >
        {ending ? <Alert type="warning" showIcon title={t[`endMeaning.${ending}`]} description={t.endIrreversible} style={{ marginBottom: 12 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t.endReason} rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="end-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
