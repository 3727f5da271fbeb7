import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useSharedMessages } from '../../shared/shared-messages';

/** A console path that names no page. */
export default function NotFoundPage() {
  const t = useSharedMessages();
  return <Result status="404" title="404" subTitle={t.notFound} extra={<Link to="/"><Button type="primary">{t.backHome}</Button></Link>} />;
}
