import { Alert, Card, Col, Empty, Row, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../../shared/api';
import type { AuditEvent, Page } from '../../shared/contracts';
import { EChart, type ChartOption } from '../../shared/EChart';
import { fill, formatTime } from '../../shared/format';
import { useMessages } from '../messages';
import { useSession } from '../session';
import { useCountyNames } from '../useRegionNames';

interface CountyCount {
  countyCode: string;
  persons: number;
  organizations: number;
}

/** The start page: who you are, subjects per county, and recent activity from the audit chain. */
export default function HomePage() {
  const t = useMessages();
  const { me, can } = useSession();
  const counties = useCountyNames();
  const [byCounty, setByCounty] = useState<CountyCount[] | null>(null);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayReadSubjects = can('subject.read');
  const mayReadAudit = can('audit.read');

  useEffect(() => {
    if (mayReadSubjects) api<{ items: CountyCount[] }>('/api/v1/stats/subjects-by-county').then((r) => setByCounty(r.items), (e: unknown) => setError(errorText(e)));
    if (mayReadAudit) api<Page<AuditEvent>>('/api/v1/audit?limit=200').then((r) => setEvents(r.items), (e: unknown) => setError(errorText(e)));
  }, [mayReadSubjects, mayReadAudit]);

  const countyOption = useMemo<ChartOption | null>(() => {
    if (!byCounty) return null;
    const names = byCounty.map((c) => counties.get(c.countyCode) ?? c.countyCode);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t.persons, t.organizations], top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        { name: t.persons, type: 'bar', stack: 'n', data: byCounty.map((c) => c.persons), itemStyle: { color: '#1456c8' } },
        { name: t.organizations, type: 'bar', stack: 'n', data: byCounty.map((c) => c.organizations), itemStyle: { color: '#f0a020' } },
      ],
    };
  }, [byCounty, counties, t]);

  const actionOption = useMemo<ChartOption | null>(() => {
    if (!events) return null;
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    return {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: top.map(([name, value]) => ({ name, value })), label: { formatter: '{b}: {c}' } }],
    };
  }, [events]);

  const scopeText = fill(t.welcomeScope, { region: me.scope.regionName });
  return (
    <div className="dashboard-grid">
      <Typography.Title level={1} className="page-title">
        {fill(t.welcome, { name: me.staff?.displayName ?? me.apiKey?.name ?? '' })}
      </Typography.Title>
      <Typography.Paragraph>{scopeText}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {!mayReadSubjects && !mayReadAudit ? <Alert type="info" showIcon title={t.noPermissionCharts} /> : null}
      <Row gutter={[16, 16]}>
        {mayReadSubjects ? (
          <Col xs={24} xl={12}>
            <Card title={<h2 className="card-title">{t.subjectsByCounty}</h2>} data-testid="chart-subjects-by-county">
              {countyOption && byCounty ? (
                <EChart
                  option={countyOption}
                  height={340}
                  label={t.subjectsByCounty}
                  summary={byCounty.map((c) => fill(t.chartSummary, { county: counties.get(c.countyCode) ?? c.countyCode, persons: c.persons, organizations: c.organizations })).join('；')}
                />
              ) : (
                <Empty />
              )}
            </Card>
          </Col>
        ) : null}
        {mayReadAudit ? (
          <>
            <Col xs={24} xl={12}>
              <Card title={<h2 className="card-title">{t.activityByAction}</h2>}>
                {actionOption ? <EChart option={actionOption} height={340} label={t.activityByAction} summary={t.activityByAction} /> : <Empty />}
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={<h2 className="card-title">{t.recentActivity}</h2>} data-testid="recent-activity">
                {events && events.length ? (
                  <ol className="activity-list">
                    {events.slice(0, 10).map((e) => (
                      <li key={e.seq}>
                        <span>
                          <code>{e.action}</code> · {e.actorName ?? e.actorKind}
                        </span>
                        <time dateTime={e.occurredAt}>
                          {formatTime(e.occurredAt)}
                          {e.purpose ? ` · ${e.purpose}` : ''}
                        </time>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <Empty />
                )}
              </Card>
            </Col>
          </>
        ) : null}
      </Row>
    </div>
  );
}
