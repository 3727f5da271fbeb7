import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { fill } from './format';
import { useSharedMessages } from './shared-messages';
import type { CursorPages } from './useCursorPages';

/** Previous / page N / next, for a cursor-paged table. */
export function CursorPager<T>({ pages, label }: { pages: CursorPages<T>; label: string }) {
  const t = useSharedMessages();
  return (
    <nav className="cursor-pager" aria-label={label}>
      <Button icon={<LeftOutlined />} disabled={!pages.hasPrevious || pages.loading} onClick={pages.previous} aria-label={t.previous}>
        {t.previous}
      </Button>
      <span aria-live="polite">{fill(t.pageN, { n: pages.pageNumber })}</span>
      <Button disabled={!pages.hasNext || pages.loading} onClick={pages.next} aria-label={t.next}>
        {t.next} <RightOutlined />
      </Button>
    </nav>
  );
}
