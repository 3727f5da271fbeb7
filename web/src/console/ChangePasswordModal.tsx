import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../shared/api';
import { useMessages } from './messages';
import { useSession } from './session';

/** Change one's own password (asked for after a generated first password). */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useMessages();
  const { refresh } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await api('/api/v1/auth/password', { method: 'POST', body: values });
      message.success(t.passwordChanged);
      form.resetFields();
      onClose();
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t.changePassword} onOk={() => void submit()} onCancel={onClose} confirmLoading={busy} okText={t.ok} cancelText={t.cancel} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label={t.currentPassword} rules={[{ required: true, message: t.required }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t.newPassword} rules={[{ required: true, min: 12, message: t.newPassword }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
