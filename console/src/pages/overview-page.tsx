import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { get, type Ok } from '../api/client.js';
import { ApiState } from '../components/api-state.js';
import { BarChart } from '../components/bar-chart.js';
import { navigate } from '../components/navigation.js';
import { RuleSetVersions } from '../components/rule-set-versions.js';
import { useApi } from '../components/use-api.js';
import { VerdictItemsTable } from '../components/verdict-items-table.js';
import { useLocale } from '../i18n/locale.js';
import { AccountabilitySummary } from './accountability-summary.js';
import { DeprivationHeatMap } from './deprivation-heat-map.js';
import { DeprivationProfile } from './deprivation-profile.js';
import { OUTCOME_COLOURS } from './format.js';
import { ReportDownload } from './report-download.js';
import { TrendsChart } from './trends-chart.js';

type Overview = Ok<'/counties/{countyId}/quarters/{quarter}'>;

/** A county's quarter at a glance: outcomes per standard, villages failing first, the county's own items, and who is carded or listed. */
export function OverviewPage({ countyId, quarter }: { countyId: string; quarter: string }) {
  const loaded = useApi(`overview/${countyId}/${quarter}`, () => get('/counties/{countyId}/quarters/{quarter}', { countyId, quarter }));
  return (
    <ApiState loaded={loaded}>
      {(overview) => (
        <>
          <Typography.Title level={2}>
            {overview.county.name} · {overview.quarter} <ReportDownload countyId={countyId} quarter={quarter} />
          </Typography.Title>
          <QuarterVersions quarter={quarter} />
          <OutcomeCards overview={overview} />
          <TrendsChart countyId={countyId} quarter={quarter} />
          <VillageSection overview={overview} />
          <DeprivationHeatMap overview={overview} />
          <DeprivationProfile profile={overview.deprivation} />
          <CountyItems overview={overview} />
          <AccountabilitySummary countyId={countyId} quarter={quarter} />
        </>
      )}
    </ApiState>
  );
}

/**
 * The rule-set versions behind the figures: those the quarter's latest successful run pinned
 * (runs are listed latest first). A village re-scored since that run was judged with the version
 * in force when it was re-scored; its page names the version of each verdict.
 */
function QuarterVersions({ quarter }: { quarter: string }) {
  const { t } = useLocale();
  const loaded = useApi(`runs/${quarter}`, () => get('/runs', {}, { quarter }));
  const run = loaded.data?.runs.find((candidate) => candidate.status === 'succeeded' || candidate.status === 'succeeded-with-rejected-rows');
  if (loaded.loading || loaded.error) return null;
  return (
    <Typography.Paragraph data-testid="overview-versions">
      {run ? <>{t('overviewVersions')}<RuleSetVersions versions={run.ruleSetVersions} /></> : t('overviewVersionsNone')}
    </Typography.Paragraph>
  );
}

function OutcomeCards({ overview }: { overview: Overview }) {
  const { t, pick } = useLocale();
  return (
    <Card title={t('outcomesPerStandard')} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        {overview.outcomes.map((standard) => (
          <Col key={standard.ruleSetId} xs={24} md={12} lg={8}>
            <Typography.Text strong>{standard.ruleSetId}</Typography.Text>
            <ul aria-label={standard.ruleSetId} style={{ margin: 0, paddingLeft: 18 }}>
              {Object.entries(standard.counts).map(([outcome, count]) => (
                <li key={outcome} data-outcome={outcome} data-count={count}>
                  <Tag color={OUTCOME_COLOURS[outcome] ?? 'blue'}>{pick(standard.labels[outcome]) || outcome}</Tag> {count}
                </li>
              ))}
            </ul>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function VillageSection({ overview }: { overview: Overview }) {
  const { t, pick } = useLocale();
  const bars = useMemo(
    () => overview.villages.map((village) => ({ name: village.name ?? village.villageId, value: village.failingItems.length, color: village.outcome === 'fail' ? '#c0392b' : village.outcome === 'pass' ? '#389e0d' : '#d48806' })),
    [overview],
  );
  return (
    <Card title={t('villages')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>{t('villagesChart')}</Typography.Paragraph>
      <BarChart bars={bars} label={t('villagesChart')} valueName={t('failingItemsCount')} />
      <Table
        data-testid="villages"
        size="small"
        rowKey="villageId"
        pagination={false}
        dataSource={overview.villages}
        columns={[
          {
            title: t('village'),
            dataIndex: 'name',
            render: (name: string | null, village) => (
              <a href={`/villages/${encodeURIComponent(village.villageId)}`} onClick={(event) => { event.preventDefault(); navigate(`/villages/${encodeURIComponent(village.villageId)}`); }}>
                {name ?? village.villageId}
              </a>
            ),
          },
          { title: t('township'), dataIndex: 'townshipName' },
          { title: t('outcome'), dataIndex: 'outcome', render: (outcome: string | null, village) => outcome && <Tag color={OUTCOME_COLOURS[outcome]} data-outcome={outcome}>{pick(village.outcomeLabel)}</Tag> },
          { title: t('failingItems'), dataIndex: 'failingItems', render: (items: Overview['villages'][number]['failingItems']) => items.map((item) => <Tag key={item.id}>{pick(item.label)}</Tag>) },
        ]}
      />
    </Card>
  );
}

function CountyItems({ overview }: { overview: Overview }) {
  const { t, pick } = useLocale();
  const verdict = overview.countyVerdict;
  return (
    <Card title={t('countyItems')} style={{ marginBottom: 16 }} extra={verdict && <Tag color={OUTCOME_COLOURS[verdict.outcome]}>{pick(verdict.outcomeLabel)}</Tag>}>
      {verdict ? (
        <VerdictItemsTable items={verdict.items} />
      ) : (
        t('noData')
      )}
    </Card>
  );
}
