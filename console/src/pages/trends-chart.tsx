import { Card, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { get, type Ok } from '../api/client.js';
import { ApiState } from '../components/api-state.js';
import { LineChart } from '../components/line-chart.js';
import { useApi } from '../components/use-api.js';
import { useLocale } from '../i18n/locale.js';
import { percent } from './format.js';

type Trends = Ok<'/counties/{countyId}/quarters/{quarter}/trends'>;
type QuarterTrend = Trends['quarters'][number];

/** The share of a standard's subjects with the outcome `pass`, or null when it judged none. */
function passShare(quarter: QuarterTrend, ruleSetId: string): number | null {
  const counts = quarter.outcomes.find((o) => o.ruleSetId === ruleSetId)?.counts ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return total > 0 ? (counts.pass ?? 0) / total : null;
}

const asPercent = (value: number | null | undefined) => (value === null || value === undefined ? null : Number((value * 100).toFixed(1)));

/** The county's standards across the quarters that have runs: households and villages meeting the exit standards, H and M0. */
export function TrendsChart({ countyId, quarter }: { countyId: string; quarter: string }) {
  const loaded = useApi(`trends/${countyId}/${quarter}`, () => get('/counties/{countyId}/quarters/{quarter}/trends', { countyId, quarter }));
  return <ApiState loaded={loaded}>{(trends) => <TrendsCard trends={trends} />}</ApiState>;
}

function TrendsCard({ trends }: { trends: Trends }) {
  const { t } = useLocale();
  const series = useMemo(() => {
    const rows = trends.quarters.map((q) => ({
      quarter: q.quarter,
      households: passShare(q, 'household-exit'),
      villages: passShare(q, 'village-exit'),
      headcount: q.deprivation?.headcount ?? null,
      m0: q.deprivation?.adjustedHeadcount ?? null,
    }));
    return {
      rows,
      categories: rows.map((row) => row.quarter),
      lines: [
        { name: t('trendHouseholdsPass'), values: rows.map((row) => asPercent(row.households)) },
        { name: t('trendVillagesPass'), values: rows.map((row) => asPercent(row.villages)) },
        { name: t('afHeadcount'), values: rows.map((row) => asPercent(row.headcount)) },
        { name: `${t('afAdjusted')} ×100`, values: rows.map((row) => asPercent(row.m0)) },
      ],
    };
  }, [trends, t]);
  const share = (value: number | null) => (value === null ? '—' : percent(value));
  return (
    <Card title={t('trendsTitle')} style={{ marginBottom: 16 }} data-testid="trends">
      <Typography.Paragraph>{t('trendsNote')}</Typography.Paragraph>
      <LineChart categories={series.categories} lines={series.lines} label={t('trendsTitle')} valueName="%" />
      <Table
        data-testid="trend-rows"
        size="small"
        rowKey="quarter"
        pagination={false}
        dataSource={series.rows}
        columns={[
          { title: t('quarter'), dataIndex: 'quarter' },
          { title: t('trendHouseholdsPass'), dataIndex: 'households', render: share },
          { title: t('trendVillagesPass'), dataIndex: 'villages', render: share },
          { title: t('afHeadcount'), dataIndex: 'headcount', render: share },
          { title: t('afAdjusted'), dataIndex: 'm0', render: (value: number | null) => (value === null ? '—' : value.toFixed(3)) },
        ]}
      />
    </Card>
  );
}
