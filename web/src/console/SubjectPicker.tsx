import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, errorText, queryString } from '../shared/api';
import type { Page, Subject } from '../shared/contracts';
import { useLicenseMessages } from './license-messages';
import { useMessages } from './messages';

type By = 'idNumber' | 'uscc' | 'name';

/**
 * Finds a subject by ID number, USCC or name (the registry's search, audited with `purpose`) and
 * lets the official pick one of the results.
 */
export function SubjectPicker({ value, onChange, purpose, kinds, id }: { value?: Subject | null; onChange?: (s: Subject | null) => void; purpose: string; kinds?: string[]; id?: string }) {
  const t = useLicenseMessages();
  const c = useMessages();
  const [by, setBy] = useState<By>(kinds && !kinds.includes('person') ? 'uscc' : 'idNumber');
  const [text, setText] = useState('');
  const [results, setResults] = useState<Subject[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const kind = kinds?.length === 1 ? kinds[0] : undefined;
      const page = await api<Page<Subject>>(`/api/v1/subjects${queryString({ [by]: text.trim(), kind, purpose, limit: 10 })}`);
      setResults(page.items);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  if (value) {
    return (
      <Space wrap className="picked-subject" data-testid="picked-subject">
        <strong>{value.name}</strong>
        <Tag color={value.kind === 'person' ? 'blue' : 'gold'}>{value.kind === 'person' ? c.person : c.organization}</Tag>
        <span className="mono">{value.idNumber ?? value.uscc}</span>
        <Button size="small" onClick={() => onChange?.(null)}>
          {t.changeSubject}
        </Button>
      </Space>
    );
  }
  return (
    <div className="subject-picker">
      <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
        <Select<By>
          value={by}
          onChange={setBy}
          aria-label={t.searchBy}
          style={{ width: 150 }}
          options={[
            { value: 'idNumber', label: c.idNumber },
            { value: 'uscc', label: c.uscc },
            { value: 'name', label: t.subjectName },
          ]}
        />
        <Input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => {
            e.preventDefault();
            void search();
          }}
          autoComplete="off"
          aria-label={t.subjectQuery}
          placeholder={by === 'name' ? t.namePrefixHint : by === 'uscc' ? '91430900MA4L…' : '430902…'}
          data-testid="subject-query"
        />
        <Button icon={<SearchOutlined />} loading={busy} onClick={() => void search()} data-testid="subject-find">
          {t.find}
        </Button>
      </Space.Compact>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      {results ? (
        <ul className="subject-results" data-testid="subject-results" aria-live="polite">
          {results.length === 0 ? <li className="subtle">{t.noSubjectFound}</li> : null}
          {results.map((s) => (
            <li key={s.id}>
              <Space wrap size={4}>
                <strong>{s.name}</strong>
                <Tag color={s.kind === 'person' ? 'blue' : 'gold'}>{s.kind === 'person' ? c.person : c.organization}</Tag>
                <span className="mono subtle">{s.idNumber ?? s.uscc}</span>
              </Space>
              <Button size="small" type="primary" disabled={kinds !== undefined && !kinds.includes(s.kind)} onClick={() => onChange?.(s)} aria-label={`${t.pick} ${s.name}`}>
                {t.pick}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
