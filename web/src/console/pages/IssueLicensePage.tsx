import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api';
import type { Department, IssueLicense, License, Subject } from '../../shared/contracts';
import { fill } from '../../shared/format';
import { useLicenseWords } from '../../shared/license-messages';
import { useLicenseTypes, validityText } from '../license-catalogue';
import { useLicenseMessages } from '../license-messages';
import { useSession } from '../session';
import { SubjectPicker } from '../SubjectPicker';

interface IssueForm {
  typeCode?: string;
  issuerDepartmentId?: string;
  holder?: Subject | null;
  number?: string;
  validFrom?: Dayjs | null;
  validUntil?: Dayjs | null;
  fields?: Record<string, string>;
  disclosure?: string[];
}

/** The departments the actor acts for (its own first), to know which licence types it issues and in whose name. */
function useActingDepartments(ids: string[], own: string | null): Department[] | null {
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const key = [own, ...ids].join(',');
  useEffect(() => {
    let live = true;
    const wanted = [...new Set([...(own ? [own] : []), ...ids])].slice(0, 60);
    Promise.all(wanted.map((id) => api<Department>(`/api/v1/departments/${id}`).catch(() => null))).then((found) => {
      if (live) setDepartments(found.filter((d): d is Department => d !== null));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return departments;
}

/**
 * 签发证照: choose the type (the form then shows its fields), the holder (found by ID number, USCC or
 * name), the validity (defaults from the catalogue, explained) and what the holder agrees to show on
 * the public verification page. The licence is signed with the department's SM2 key when issued.
 */
export default function IssueLicensePage() {
  const t = useLicenseMessages();
  const w = useLicenseWords();
  const navigate = useNavigate();
  const { me } = useSession();
  const { message } = App.useApp();
  const { types } = useLicenseTypes();
  const departments = useActingDepartments(me.scope.departmentIds, me.staff?.departmentId ?? null);
  const [form] = Form.useForm<IssueForm>();
  const typeCode = Form.useWatch('typeCode', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lines = useMemo(() => new Set((departments ?? []).map((d) => d.line)), [departments]);
  const issuable = (types ?? []).filter((x) => lines.has(x.issuingLine));
  const type = issuable.find((x) => x.code === typeCode);
  const issuers = (departments ?? []).filter((d) => d.line === type?.issuingLine);

  useEffect(() => {
    // A new type: its own fields, its default issuer (the actor's own department when it issues the type), no holder of the wrong kind.
    form.setFieldsValue({ fields: {}, disclosure: [], issuerDepartmentId: issuers[0]?.id });
    const holder = form.getFieldValue('holder') as Subject | null | undefined;
    if (holder && type && !type.holderKinds.includes(holder.kind)) form.setFieldsValue({ holder: null });
  }, [typeCode, departments]);

  const submit = async (v: IssueForm) => {
    if (!type || !v.holder) return;
    setBusy(true);
    setError(null);
    const fields = Object.fromEntries(Object.entries(v.fields ?? {}).filter(([, value]) => typeof value === 'string' && value.trim() !== '').map(([k, value]) => [k, value.trim()]));
    const body: IssueLicense = {
      typeCode: type.code,
      holderId: v.holder.id,
      fields,
      disclosure: v.disclosure ?? [],
      ...(v.issuerDepartmentId ? { issuerDepartmentId: v.issuerDepartmentId } : {}),
      ...(v.number?.trim() ? { number: v.number.trim() } : {}),
      ...(v.validFrom ? { validFrom: v.validFrom.format('YYYY-MM-DD') } : {}),
      ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
    };
    try {
      const issued = await api<License>('/api/v1/licenses', { method: 'POST', body });
      message.success(fill(t.issued, { name: issued.typeName, number: issued.number }));
      navigate(`/licenses/${issued.id}`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/licenses">
          <ArrowLeftOutlined /> {t.back}
        </Link>
      </Space>
      <Typography.Title level={1} className="page-title">
        {t.issueTitle}
      </Typography.Title>
      {departments !== null && types !== null && issuable.length === 0 ? <Alert type="warning" showIcon title={t.issuesNothing} style={{ marginBottom: 16 }} /> : null}
      <Card className="form-card">
        <Form<IssueForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} scrollToFirstError>
          <Form.Item name="typeCode" label={t.chooseType} rules={[{ required: true, message: t.chooseTypeRequired }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t.chooseTypeHint}
              loading={types === null || departments === null}
              options={issuable.map((x) => ({ value: x.code, label: x.name }))}
              data-testid="issue-type"
            />
          </Form.Item>
          {type ? (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={fill(t.typeSummary, { kinds: type.holderKinds.map((k) => (k === 'person' ? t.kindPerson : t.kindOrganization)).join(t.listJoin), validity: validityText(type.validity, t) })}
              />
              {issuers.length > 1 ? (
                <Form.Item name="issuerDepartmentId" label={t.issuerDepartment} extra={t.issuerDepartmentHint}>
                  <Select options={issuers.map((d) => ({ value: d.id, label: d.name }))} />
                </Form.Item>
              ) : null}
              <Form.Item name="holder" label={t.holder} rules={[{ required: true, message: t.holderRequired }]}>
                <SubjectPicker purpose={fill(t.issuePurpose, { name: type.name })} kinds={type.holderKinds} />
              </Form.Item>
              <Form.Item name="number" label={w.number} extra={t.numberHint}>
                <Input maxLength={60} autoComplete="off" style={{ maxWidth: 360 }} data-testid="issue-number" />
              </Form.Item>
              <Space wrap size={16} align="start">
                <Form.Item name="validFrom" label={w.validFrom} extra={t.validFromHint}>
                  <DatePicker />
                </Form.Item>
                {type.validity.kind !== 'permanent' ? (
                  <Form.Item name="validUntil" label={w.validUntil} extra={fill(t.validUntilHint, { rule: validityText(type.validity, t) })}>
                    <DatePicker />
                  </Form.Item>
                ) : (
                  <Form.Item label={w.validUntil} extra={t.permanentHint}>
                    <Input value={w.longTerm} disabled style={{ width: 150 }} />
                  </Form.Item>
                )}
              </Space>
              <fieldset className="form-fieldset">
                <legend>{w.fields}</legend>
                {type.fields.map((f) => (
                  <Form.Item key={f.key} name={['fields', f.key]} label={f.label}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid={`field-${f.key}`} />
                  </Form.Item>
                ))}
              </fieldset>
              <Form.Item name="disclosure" label={t.disclosure} extra={t.disclosureHint}>
                <Checkbox.Group options={type.fields.map((f) => ({ value: f.key, label: f.label }))} data-testid="issue-disclosure" />
              </Form.Item>
            </>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
          <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={busy} disabled={!type} size="large" data-testid="issue-submit">
            {t.issueSubmit}
          </Button>
        </Form>
      </Card>
    </>
  );
}
