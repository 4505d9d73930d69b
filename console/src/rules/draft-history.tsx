import { Card, Collapse, Table, Tag, Timeline, Typography } from 'antd';
import { useLocale } from '../i18n/locale.js';
import { diffPaths, type JsonObject } from './draft-paths.js';
import { STATUS_COLOURS, type RuleDraft } from './draft-types.js';
import { StoredImpact, latestReportStep } from './stored-impact.js';

const shown = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/** A draft's diff to the version it started from, leaf by leaf. */
export function DraftDiff({ before, after }: { before: JsonObject | null; after: JsonObject }) {
  const { t } = useLocale();
  // `$schema` only points an editor at the schema file, and the version always moves on.
  const changes = diffPaths(before ?? {}, after).filter((change) => change.path !== 'version' && change.path !== '$schema');
  return (
    <Table
      data-testid="draft-diff"
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={changes}
      locale={{ emptyText: t('rulesNoDiff') }}
      columns={[
        { title: t('rulesPath'), dataIndex: 'path', render: (path: string) => <Typography.Text code>{path}</Typography.Text> },
        { title: t('rulesBefore'), render: (_, change) => shown(change.before) },
        { title: t('rulesAfter'), render: (_, change) => shown(change.after) },
      ]}
    />
  );
}

/** A draft's steps, oldest first: what was done, by whom, when, with its note and the status after it. */
export function DraftSteps({ draft }: { draft: RuleDraft }) {
  const { t } = useLocale();
  return (
    <Timeline
      data-testid="draft-steps"
      items={draft.steps.map((step, index) => ({
        key: index,
        color: STATUS_COLOURS[step.status] === 'default' ? 'gray' : STATUS_COLOURS[step.status],
        children: (
          <div data-step-action={step.action}>
            <Typography.Text strong>{t(`rulesAction_${step.action}`)}</Typography.Text> · {step.by} · {step.at}
            {step.version !== undefined && <Tag color="green" style={{ marginLeft: 6 }}>{`v${step.version}`}</Tag>}
            {step.selfApproved && <Tag color="orange">{t('rulesSelfApproved')}</Tag>}
            {step.note && <div>{step.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

/**
 * A draft as a reviewer and the history read it: its status, steps, the diff to the version it
 * started from, and the impact report as submitted or approved (recomputed at that step).
 */
export function DraftRecord({ draft, base }: { draft: RuleDraft; base: JsonObject | null }) {
  const { t } = useLocale();
  const reported = latestReportStep(draft)?.reportRef;
  return (
    <Card size="small" data-testid="draft-record" data-status={draft.status} title={<span>{`${draft.ruleSetId} · ${draft.draftId}`} <Tag color={STATUS_COLOURS[draft.status]} data-testid="draft-status">{t(`rulesStatus_${draft.status}`)}</Tag></span>}>
      <Collapse
        defaultActiveKey={['steps', 'diff', 'impact']}
        items={[
          { key: 'steps', label: t('rulesSteps'), children: <DraftSteps draft={draft} /> },
          { key: 'diff', label: t('rulesDiff', { base: draft.baseVersion ?? '—' }), children: <DraftDiff before={base} after={draft.ruleSet} /> },
          { key: 'impact', label: t('rulesImpactAsReported'), children: reported ? <StoredImpact at={{ ruleSetId: draft.ruleSetId, draftId: draft.draftId, reportKey: reported.key }} /> : t('rulesNoReport') },
        ]}
      />
    </Card>
  );
}
