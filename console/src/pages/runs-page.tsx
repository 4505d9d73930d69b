import { Card, Table, Tag } from 'antd';
import { get } from '../api/client.js';
import { ApiState } from '../components/api-state.js';
import { RuleSetVersions } from '../components/rule-set-versions.js';
import { useApi } from '../components/use-api.js';
import { useLocale } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/messages.js';

const STATUS_COLOURS: Record<string, string> = { running: 'blue', succeeded: 'green', 'succeeded-with-rejected-rows': 'gold', failed: 'red' };

/** The quarter's nightly runs: status, timings, rule-set versions, writes and failed villages. */
export function RunsPage({ quarter }: { quarter: string }) {
  const { t } = useLocale();
  const loaded = useApi(`runs/${quarter}`, () => get('/runs', {}, { quarter }));
  return (
    <Card title={`${t('runs')} · ${quarter}`}>
      <ApiState loaded={loaded}>
        {(data) => (
          <Table
            data-testid="runs"
            size="small"
            rowKey="runId"
            pagination={false}
            dataSource={data.runs}
            columns={[
              { title: t('runId'), dataIndex: 'runId' },
              { title: t('status'), dataIndex: 'status', render: (status: string) => <Tag color={STATUS_COLOURS[status]}>{t(`runStatus_${status}` as MessageKey)}</Tag> },
              { title: t('startedAt'), dataIndex: 'startedAt' },
              { title: t('finishedAt'), dataIndex: 'finishedAt' },
              { title: t('ruleSetVersions'), render: (_, run) => <RuleSetVersions versions={run.ruleSetVersions} /> },
              { title: t('writes'), render: (_, run) => `${run.writes.verdicts} / ${run.writes.scores} / ${run.writes.cards}` },
              { title: t('stageSeconds'), render: (_, run) => Object.entries(run.stageSeconds).map(([stage, seconds]) => `${stage} ${seconds}`).join(', ') },
              { title: t('failedVillages'), render: (_, run) => run.failedVillages.map((failed) => `${failed.villageId}: ${failed.error}`).join('; ') || '—' },
            ]}
          />
        )}
      </ApiState>
    </Card>
  );
}
