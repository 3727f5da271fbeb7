import { Alert, Button, Empty, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { api, queryString } from '../../shared/api';
import type { AccessEntry, Page } from '../../shared/contracts';
import { formatTime } from '../../shared/format';
import { Loading } from '../../shared/Loading';
import { useLoadMore } from '../../shared/useLoadMore';
import { useMessages } from '../messages';
import { usePortalSession } from '../portal-session';

/** 谁查看了我的数据: who read the subject's data, newest first, loaded a page at a time. */
export default function AccessLogPage() {
  const t = useMessages();
  const { me } = usePortalSession();
  const [subjectId, setSubjectId] = useState(me.subjects[0]?.id ?? '');
  const { items, loading, error, hasMore, more } = useLoadMore((cursor) => api<Page<AccessEntry>>(`/api/v1/portal/access-log${queryString({ subjectId, cursor, limit: 20 })}`), subjectId);

  const actionText = (action: string) => (t as Record<string, string>)[`action.${action}`] ?? action;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em' }}>
        {t.accessLog}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.accessIntro}</Typography.Paragraph>
      {me.subjects.length > 1 ? (
        <Segmented
          block
          aria-label={t.whose}
          value={subjectId}
          onChange={(v) => setSubjectId(String(v))}
          options={me.subjects.map((s) => ({ value: s.id, label: s.name }))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {loading && items.length === 0 ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty description={t.none} />
      ) : (
        <ol className="access-list" data-testid="access-log">
          {items.map((e) => (
            <li key={e.seq} className="access-item">
              <span className="what">
                {e.departmentName ?? t.unknownDepartment} · {actionText(e.action)}
              </span>
              <span className="meta">
                {t.purpose}：{e.purpose ?? t.noPurpose}
              </span>
              <time className="meta" dateTime={e.occurredAt}>
                {formatTime(e.occurredAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {hasMore ? (
        <Button block style={{ marginTop: 12 }} loading={loading} onClick={more}>
          {t.loadMore}
        </Button>
      ) : null}
    </>
  );
}
