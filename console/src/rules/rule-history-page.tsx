import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiState, ErrorAlert } from '../components/api-state.js';
import { navigate } from '../components/navigation.js';
import { useApi } from '../components/use-api.js';
import { useLocale } from '../i18n/locale.js';
import { DraftDiff } from './draft-history.js';
import { STATUS_COLOURS } from './draft-types.js';
import { draftsApi, type RuleHistory } from './drafts-api.js';
import { StoredImpact } from './stored-impact.js';

type Version = RuleHistory['versions'][number];

/**
 * `/rules/{id}`: a standard's history — every version with who published and who approved it,
 * its diff to the version before, its cases and its impact as approved — and every draft with
 * its status, each opening in the editor or its review; a new draft starts from the version in
 * force with its cases.
 */
export function RuleHistoryPage({ ruleSetId }: { ruleSetId: string }) {
  const { t } = useLocale();
  const loaded = useApi(`rule-history/${ruleSetId}`, () => draftsApi.history(ruleSetId));
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const create = () => {
    setCreating(true);
    setFailure(null);
    draftsApi.create(ruleSetId).then(
      (draft) => navigate(`/rules/${ruleSetId}/drafts/${draft.draftId}`),
      (error: unknown) => {
        setCreating(false);
        setFailure(error);
      },
    );
  };
  return (
    <ApiState loaded={loaded}>
      {(history) => {
        const previous = (v: Version) => history.versions.find((other) => other.version === v.version - 1)?.ruleSet ?? null;
        return (
          <>
            <Card
              title={t('rulesHistoryTitle', { id: ruleSetId })}
              extra={
                <Button type="primary" loading={creating} onClick={create} data-testid="create-draft">
                  {t('rulesNewDraft')}
                </Button>
              }
            >
              {failure !== null && <ErrorAlert error={failure} />}
              <Table
                data-testid="versions"
                size="small"
                rowKey="version"
                pagination={false}
                dataSource={[...history.versions].reverse()}
                expandable={{
                  expandedRowRender: (v) => (
                    <div data-testid={`version-${v.version}`}>
                      <DraftDiff before={previous(v)} after={v.ruleSet} />
                      <p>{t('rulesCasesStored', { count: Array.isArray(v.cases?.cases) ? v.cases.cases.length : 0 })}</p>
                      {v.impact ? <StoredImpact at={{ ruleSetId, draftId: v.impact.draftId, reportKey: v.impact.reportKey }} /> : <p>{t('rulesNoReport')}</p>}
                    </div>
                  ),
                }}
                columns={[
                  { title: t('rulesVersion'), dataIndex: 'version', render: (version: number) => `v${version}` },
                  { title: t('rulesEffectiveFrom'), dataIndex: 'effectiveFrom' },
                  { title: t('rulesChangeNote'), dataIndex: 'changeNote' },
                  { title: t('rulesAuthor'), dataIndex: 'author' },
                  { title: t('rulesApprovedBy'), render: (_, v) => (v.approval ? `${v.approval.approvedBy}${v.approval.selfApproved ? ` (${t('rulesSelfApproved')})` : ''}` : '—') },
                  { title: t('rulesPublishedAt'), dataIndex: 'publishedAt' },
                ]}
              />
            </Card>
            <Card title={t('rulesDrafts')} style={{ marginTop: 16 }}>
              <Table
                data-testid="drafts"
                size="small"
                rowKey="draftId"
                pagination={false}
                dataSource={[...history.drafts].reverse()}
                columns={[
                  { title: t('rulesDraft'), dataIndex: 'draftId', render: (draftId: string) => <a href={`/rules/${ruleSetId}/drafts/${draftId}`} onClick={(event) => { event.preventDefault(); navigate(`/rules/${ruleSetId}/drafts/${draftId}`); }}>{draftId}</a> },
                  { title: t('status'), dataIndex: 'status', render: (status: keyof typeof STATUS_COLOURS) => <Tag color={STATUS_COLOURS[status]}>{t(`rulesStatus_${status}`)}</Tag> },
                  { title: t('rulesAuthor'), dataIndex: 'author' },
                  { title: t('rulesUpdatedAt'), dataIndex: 'updatedAt' },
                  { title: t('rulesVersion'), render: (_, draft) => String(draft.ruleSet.version ?? '') },
                ]}
              />
            </Card>
          </>
        );
      }}
    </ApiState>
  );
}
