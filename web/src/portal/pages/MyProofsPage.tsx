import { FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Segmented, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, queryString } from '../../shared/api';
import type { Page, Proof } from '../../shared/contracts';
import { fill } from '../../shared/format';
import { Loading } from '../../shared/Loading';
import { useLoadMore } from '../../shared/useLoadMore';
import { LoadMoreButton } from '../LoadMoreButton';
import { useMessages } from '../messages';
import { usePortalSession } from '../portal-session';
import { ProofCard } from '../ProofCard';
import { useProofPortalMessages } from '../proof-messages';
import { useWalletSubject } from '../WalletParts';

/** 我的证明: the subject's proofs, newest first, each with its validity and its PDF; a large button to get a new one. */
export default function MyProofsPage() {
  const c = useMessages();
  const t = useProofPortalMessages();
  const navigate = useNavigate();
  const { me } = usePortalSession();
  const [subjectId, setSubjectId] = useWalletSubject();
  const { items, loading, error, hasMore, more } = useLoadMore((cursor) => api<Page<Proof>>(`/api/v1/portal/proofs${queryString({ subjectId, cursor, limit: 20 })}`), subjectId);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em' }}>
        {c.proofs}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {me.subjects.length > 1 ? (
        <Segmented block aria-label={c.whose} value={subjectId} onChange={(v) => setSubjectId(String(v))} options={me.subjects.map((s) => ({ value: s.id, label: s.name }))} style={{ marginBottom: 16 }} />
      ) : null}
      <Button type="primary" size="large" block icon={<FileAddOutlined />} onClick={() => navigate(`/proofs/apply?subject=${subjectId}`)} style={{ marginBottom: 16 }} data-testid="proof-apply">
        {t.apply}
      </Button>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {loading && items.length === 0 ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty description={t.none} />
      ) : (
        <ul className="wallet-list" data-testid="my-proofs" aria-label={`${c.proofs} · ${fill(t.count, { n: items.length })}`}>
          {items.map((p) => (
            <li key={p.id}>
              <ProofCard proof={p} />
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton list={{ hasMore, loading, more }} />
    </>
  );
}
