import { Button } from 'antd';
import type { LoadMore } from '../shared/useLoadMore';
import { useMessages } from './messages';

/** "加载更多" under a portal list of cards, while the server has more. */
export function LoadMoreButton({ list }: { list: Pick<LoadMore<unknown>, 'hasMore' | 'loading' | 'more'> }) {
  const t = useMessages();
  if (!list.hasMore) return null;
  return (
    <Button block size="large" style={{ marginTop: 12 }} loading={list.loading} onClick={list.more}>
      {t.loadMore}
    </Button>
  );
}
