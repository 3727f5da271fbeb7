import { Alert, Button, Card, Descriptions, Empty, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api';
import type { Region, RegionDetail } from '../../shared/contracts';
import { usePrefs } from '../../shared/prefs';
import { levelLabels, useMessages } from '../messages';
import { useSession } from '../session';

function node(r: Pick<Region, 'code' | 'name' | 'childCount' | 'isExample'>): TreeDataNode {
  return { key: r.code, title: r.isExample ? `${r.name}` : r.name, isLeaf: r.childCount === 0 };
}

function withChildren(nodes: TreeDataNode[], key: string, children: TreeDataNode[]): TreeDataNode[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: withChildren(n.children, key, children) } : n));
}

/** The region tree of the actor's scope, loaded a level at a time, with the selected region's details. */
export default function RegionsPage() {
  const t = useMessages();
  const { locale } = usePrefs();
  const { me } = useSession();
  const navigate = useNavigate();
  const [tree, setTree] = useState<TreeDataNode[]>([]);
  const [detail, setDetail] = useState<RegionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<RegionDetail>(`/api/v1/regions/${me.scope.regionCode}`).then(
      (root) => {
        setTree([{ ...node(root), children: root.children.map(node) }]);
        setDetail(root);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [me.scope.regionCode]);

  const loadData = async (n: TreeDataNode) => {
    if (n.children) return;
    const key = String(n.key);
    const { items } = await api<{ items: Region[] }>(`/api/v1/regions?parent=${key}`);
    setTree((current) => withChildren(current, key, items.map(node)));
  };

  const select = (keys: React.Key[]) => {
    const [key] = keys;
    if (key === undefined) return;
    api<RegionDetail>(`/api/v1/regions/${String(key)}`).then(setDetail, (e: unknown) => setError(errorText(e)));
  };

  const level = (l: string) => (locale === 'en-US' ? levelLabels[l]?.en : levelLabels[l]?.zh) ?? l;
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t.regions}
      </Typography.Title>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <div className="region-layout">
        <Card title={<h2 className="card-title">{t.regionTree}</h2>}>
          {tree.length ? (
            <Tree treeData={tree} loadData={loadData} onSelect={select} defaultExpandedKeys={[me.scope.regionCode]} aria-label={t.regionTree} data-testid="region-tree" />
          ) : (
            <Empty />
          )}
        </Card>
        <Card title={<h2 className="card-title">{t.regionDetail}</h2>} data-testid="region-detail">
          {detail ? (
            <>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t.name}>
                  {detail.name} {detail.isExample ? <Tag color="orange">{t.example}</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label={t.code}>
                  <span className="mono">{detail.code}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t.level}>{level(detail.level)}</Descriptions.Item>
                <Descriptions.Item label={t.path}>{[...detail.ancestors.map((a) => a.name), detail.name].join(' › ')}</Descriptions.Item>
                <Descriptions.Item label={t.childCount}>{detail.childCount}</Descriptions.Item>
              </Descriptions>
              <Button style={{ marginTop: 16 }} onClick={() => navigate(`/departments?regionCode=${detail.code}`)}>
                {t.showDepartments}
              </Button>
            </>
          ) : (
            <Empty description={t.selectRegion} />
          )}
        </Card>
      </div>
    </>
  );
}
