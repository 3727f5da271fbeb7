import { ArrowLeftOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { Link } from 'react-router';

/** The "← back to the list" link above a page's title. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Space style={{ marginBottom: 12 }}>
      <Link to={to}>
        <ArrowLeftOutlined /> {label}
      </Link>
    </Space>
  );
}
