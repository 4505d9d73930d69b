import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { get, post, type Ok } from '../api/client.js';
import { ApiState, ErrorAlert } from '../components/api-state.js';
import { navigate } from '../components/navigation.js';
import { useApi } from '../components/use-api.js';
import { VerdictItemsTable } from '../components/verdict-items-table.js';
import { useLocale } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/messages.js';
import { OUTCOME_COLOURS } from './format.js';

type Village = Ok<'/villages/{villageId}/households'>;
type Household = Village['households'][number];
type Verdict = Household['verdicts'][number];

/** Every household of a village with its verdicts, filterable by outcome and failing item, each explained item by item. */
export function VillagePage({ villageId, quarter }: { villageId: string; quarter: string }) {
  const year = quarter.slice(0, 4);
  const loaded = useApi(`village/${villageId}/${year}`, () => get('/villages/{villageId}/households', { villageId }, { year }));
  return <ApiState loaded={loaded}>{(data) => <VillageView data={data} reload={loaded.reload} />}</ApiState>;
}

function VillageView({ data, reload }: { data: Village; reload(): void }) {
  const { t, pick } = useLocale();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [item, setItem] = useState<string | null>(null);
  const exitVerdicts = (household: Household) => household.verdicts;
  const items = useMemo(() => {
    const labels = new Map<string, string>();
    for (const household of data.households) for (const verdict of household.verdicts) for (const found of verdict.items) if (found.outcome !== 'pass') labels.set(found.id, pick(found.label));
    return [...labels.entries()];
  }, [data, pick]);
  const shown = data.households.filter(
    (household) =>
      (outcome === null || exitVerdicts(household).some((verdict) => verdict.outcome === outcome)) &&
      (item === null || exitVerdicts(household).some((verdict) => verdict.items.some((found) => found.id === item && found.outcome !== 'pass'))),
  );
  const village = data.villageVerdicts[0];
  return (
    <>
      <Typography.Title level={2}>
        {data.village.name ?? data.village.villageId} · {data.year}
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button onClick={() => navigate('/')}>{t('back')}</Button>
        {village && (
          <span>
            {t('villageOutcome')}: <Tag color={OUTCOME_COLOURS[village.outcome]}>{pick(village.outcomeLabel)}</Tag>
          </span>
        )}
        <ReEvaluate villageId={data.village.villageId} year={data.year} onDone={reload} />
      </Space>
      <Card title={`${t('households')} (${shown.length} / ${data.households.length})`}>
        <Space style={{ marginBottom: 12 }} wrap>
          <Select aria-label={t('filterOutcome')} style={{ width: 200 }} allowClear placeholder={t('filterOutcome')} value={outcome} onChange={(value) => setOutcome(value ?? null)} options={['pass', 'fail', 'unknown'].map((value) => ({ value, label: value }))} />
          <Select aria-label={t('filterItem')} style={{ width: 260 }} allowClear placeholder={t('filterItem')} value={item} onChange={(value) => setItem(value ?? null)} options={items.map(([value, label]) => ({ value, label }))} />
        </Space>
        <Table
          data-testid="households"
          size="small"
          rowKey="householdId"
          dataSource={shown}
          pagination={{ pageSize: 50 }}
          expandable={{ expandedRowRender: (household) => <Explanation household={household} />, rowExpandable: (household) => household.verdicts.length > 0 }}
          columns={[
            { title: t('householdId'), dataIndex: 'householdId' },
            { title: t('headName'), dataIndex: 'headName', render: (name: string | null) => name ?? '—' },
            { title: t('status'), dataIndex: 'status', render: (status: string) => t(`status_${status}` as MessageKey) },
            {
              title: t('outcome'),
              render: (_, household) => household.verdicts.map((verdict) => <Tag key={verdict.ruleSetId} color={OUTCOME_COLOURS[verdict.outcome]}>{pick(verdict.outcomeLabel)}</Tag>),
            },
          ]}
        />
      </Card>
    </>
  );
}

function Explanation({ household }: { household: Household }) {
  const { pick } = useLocale();
  return (
    <div data-testid="explanation">
      {household.verdicts.map((verdict: Verdict) => (
        <div key={verdict.ruleSetId} style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {verdict.ruleSetId} v{verdict.ruleSetVersion}: {pick(verdict.outcomeLabel)}
          </Typography.Text>
          <VerdictItemsTable items={verdict.items} withMissing />
        </div>
      ))}
    </div>
  );
}

type ReEvaluation = { verdictWrites: number; village: { outcome: string; outcomeLabel: { zh: string; en: string } } };

/** Asks the existing re-evaluation route to score the village now, then shows what changed and reloads. */
function ReEvaluate({ villageId, year, onDone }: { villageId: string; year: number; onDone(): void }) {
  const { t, pick } = useLocale();
  const [state, setState] = useState<{ busy: boolean; result: ReEvaluation | null; error: unknown }>({ busy: false, result: null, error: null });
  const run = () => {
    setState({ busy: true, result: null, error: null });
    post('/villages/{villageId}/re-evaluations', { villageId }, { year }).then(
      (result) => {
        setState({ busy: false, result: result as ReEvaluation, error: null });
        onDone();
      },
      (error: unknown) => setState({ busy: false, result: null, error }),
    );
  };
  return (
    <>
      <Button type="primary" loading={state.busy} onClick={run}>
        {t('reEvaluate')}
      </Button>
      {state.result && <Alert type="success" showIcon title={`${t('reEvaluated', { writes: state.result.verdictWrites })} ${t('villageOutcome')}: ${pick(state.result.village.outcomeLabel)}`} />}
      {state.error !== null && <ErrorAlert error={state.error} />}
    </>
  );
}
