import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { queryString } from '../shared/api';
import { useSharedMessages } from '../shared/shared-messages';

/** Downloads the list as .xlsx from the server's export endpoint, with the filters on screen. */
export function ExportButton({ list, filters }: { list: 'subjects' | 'licenses' | 'proofs' | 'departments' | 'staff' | 'audit'; filters: Record<string, string | undefined> }) {
  const t = useSharedMessages();
  return (
    <Button icon={<DownloadOutlined />} href={`/api/v1/exports/${list}.xlsx${queryString(filters)}`} download data-testid={`export-${list}`}>
      {t.exportXlsx}
    </Button>
  );
}
