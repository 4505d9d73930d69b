import { Alert, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { BarChart } from '../components/bar-chart.js';
import { useLocale } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/messages.js';
import type { ImpactPreview, ItemChange, OutcomeChange } from './gate-types.js';
import { useImpactNames } from './impact-names.js';

const FLIP = '#cf1322';

/** The outcome codes the catalogue names (`rulesOutcome_*`); another standard's own code is shown as it is. */
const OUTCOMES = new Set(['pass', 'fail', 'unknown', 'none', 'red-flag', 'yellow-card', 'listed']);

/** A whole report may list thousands of changes: a table pages them by the hundred. */
const paged = (rows: readonly unknown[]) => (rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false);

/** How many changes fall in each group, largest first, as bars. */
function tally(changes: readonly OutcomeChange[], groupOf: (change: OutcomeChange) => string | undefined, nameOf: (id: string) => string) {
  const counts = new Map<string, number>();
  for (const change of changes) {
    const group = groupOf(change);
    if (group !== undefined) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, value]) => ({ name: nameOf(id), value, color: FLIP }));
}

/**
 * The gate's impact preview as pictures and lists: what changes, by county, township and
 * village (bars), the households that flip with their heads' names and the items that changed,
 * the villages and counties that flip, the units whose card changes and who enters or leaves
 * the interview and resignation lists. The same view serves the author and the approver.
 */
export function ImpactView({ preview }: { preview: ImpactPreview }) {
  const { t } = useLocale();
  const names = useImpactNames(preview);
  const outcome = (code: string | null) => (code === null ? '—' : OUTCOMES.has(code) ? t(`rulesOutcome_${code}` as MessageKey) : code);
  const all = preview.counties.flatMap((county) => county.examples.map((change) => ({ ...change, countyId: county.countyId })));
  const households = all.filter((c) => c.subjectType === 'household');
  const places = all.filter((c) => c.subjectType === 'village' || c.subjectType === 'county');
  const units = all.filter((c) => c.subjectType === 'township' || c.subjectType === 'assisting-unit');
  const listMoves = units.flatMap((unit) => unit.items.map((item) => ({ unit, item })));
  const cards = units.filter((u) => u.before !== u.after);
  const name = (map: ReadonlyMap<string, string>) => (id: string) => map.get(id) ?? id;
  const items = (changes: readonly ItemChange[]) => changes.map((item) => <Tag key={item.id}>{`${item.id}: ${outcome(item.before)} → ${outcome(item.after)}`}</Tag>);
  const byCounty = preview.counties.map((county) => ({ name: name(names.counties)(county.countyId), value: county.households.changed + county.villages.changed + county.county.changed + county.units.changed, color: FLIP }));
  const shownAll = preview.counties.every((county) => county.examples.length >= county.households.changed + county.villages.changed + county.county.changed + county.units.changed);
  return (
    <div data-testid="impact">
      <Typography.Paragraph>{t('rulesImpactAbout', { quarter: preview.quarter, from: preview.fromVersion, to: preview.toVersion })}</Typography.Paragraph>
      {!preview.draftInForce && <Alert type="info" showIcon title={t('rulesImpactNotInForce', { asOf: preview.asOf })} style={{ marginBottom: 8 }} />}
      <Row gutter={16} style={{ marginBottom: 12 }}>
        {(['households', 'villages', 'counties', 'units'] as const).map((kind) => (
          <Col key={kind}>
            <Statistic data-testid={`impact-count-${kind}`} title={t(`rulesImpact_${kind}`)} value={preview.totals[kind].changed} suffix={`/ ${preview.totals[kind].judged}`} />
          </Col>
        ))}
      </Row>
      {!preview.changesOutcomes && <Alert type="success" showIcon title={t('rulesImpactNone')} data-testid="impact-none" />}
      {/* A report stored by a submission or an approval lists every change; only a live preview over the API's limit per county is cut. */}
      {!shownAll && <Alert type="warning" showIcon title={t('rulesImpactTruncated')} style={{ marginBottom: 8 }} data-testid="impact-truncated" />}
      {preview.failures.length > 0 && <Alert type="error" showIcon title={t('rulesImpactFailures', { count: preview.failures.length })} description={preview.failures.map((f) => `${f.subject}: ${f.error}`).join('; ')} />}
      {preview.changesOutcomes && (
        <>
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('rulesFlipsByCounty')}>
                <BarChart bars={byCounty} label={t('rulesFlipsByCounty')} valueName={t('rulesChanges')} />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('rulesFlipsByTownship')}>
                <BarChart bars={tally(households, (c) => c.townshipId, name(names.townships))} label={t('rulesFlipsByTownship')} valueName={t('rulesChanges')} />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('rulesFlipsByVillage')}>
                <BarChart bars={tally(households, (c) => c.villageId, name(names.villages))} label={t('rulesFlipsByVillage')} valueName={t('rulesChanges')} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('rulesFlippingHouseholds')} style={{ marginTop: 12 }}>
            <Table
              data-testid="impact-households"
              size="small"
              rowKey={(c) => `${c.ruleSetId}:${c.subjectId}`}
              pagination={paged(households)}
              dataSource={households}
              columns={[
                { title: t('village'), render: (_, c) => (c.villageId ? name(names.villages)(c.villageId) : '—') },
                { title: t('householdId'), dataIndex: 'subjectId' },
                { title: t('headName'), render: (_, c) => names.households.get(c.subjectId) ?? '—' },
                { title: t('standard'), dataIndex: 'ruleSetId' },
                { title: t('rulesBefore'), render: (_, c) => <span data-outcome-before={c.before}>{outcome(c.before)}</span> },
                { title: t('rulesAfter'), render: (_, c) => <span data-outcome-after={c.after}>{outcome(c.after)}</span> },
                { title: t('rulesItemsChanged'), render: (_, c) => items(c.items) },
              ]}
            />
          </Card>
          <Card size="small" title={t('rulesFlippingPlaces')} style={{ marginTop: 12 }}>
            <Table
              data-testid="impact-places"
              size="small"
              rowKey={(c) => `${c.subjectType}:${c.subjectId}:${c.ruleSetId}`}
              pagination={paged(places)}
              dataSource={places}
              columns={[
                { title: t('rulesSubject'), render: (_, c) => (c.subjectType === 'county' ? name(names.counties)(c.subjectId) : name(names.villages)(c.subjectId)) },
                { title: t('standard'), dataIndex: 'ruleSetId' },
                { title: t('rulesBefore'), render: (_, c) => outcome(c.before) },
                { title: t('rulesAfter'), render: (_, c) => outcome(c.after) },
                { title: t('rulesItemsChanged'), render: (_, c) => items(c.items) },
              ]}
            />
          </Card>
          <Card size="small" title={t('rulesCardChanges')} style={{ marginTop: 12 }}>
            <Table
              data-testid="impact-units"
              size="small"
              rowKey={(c) => `${c.subjectType}:${c.subjectId}`}
              pagination={paged(cards)}
              dataSource={cards}
              columns={[
                { title: t('unit'), render: (_, c) => names.units.get(`${c.subjectType}:${c.subjectId}`) ?? c.subjectId },
                { title: t('rulesBefore'), render: (_, c) => outcome(c.before) },
                { title: t('rulesAfter'), render: (_, c) => outcome(c.after) },
              ]}
            />
          </Card>
          <Card size="small" title={t('rulesListChanges')} style={{ marginTop: 12 }}>
            <Table
              data-testid="impact-lists"
              size="small"
              rowKey={(row) => `${row.unit.subjectType}:${row.unit.subjectId}:${row.item.id}`}
              pagination={paged(listMoves)}
              dataSource={listMoves}
              columns={[
                { title: t('unit'), render: (_, row) => names.units.get(`${row.unit.subjectType}:${row.unit.subjectId}`) ?? row.unit.subjectId },
                { title: t('rulesList'), render: (_, row) => t(row.item.id === 'interview' ? 'interviewList' : 'resignationList') },
                { title: t('rulesMove'), render: (_, row) => t(row.item.after === 'listed' ? 'rulesEnters' : 'rulesLeaves') },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
