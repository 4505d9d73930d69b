import { Alert, Card, Col, Row, Typography } from 'antd';
import { useLayoutEffect, useMemo, useState } from 'react';
import { ErrorAlert, ApiState } from '../components/api-state.js';
import { useApi } from '../components/use-api.js';
import { useLocale } from '../i18n/locale.js';
import { CasesPanel } from './cases-panel.js';
import { DraftActions, type DraftAction } from './draft-actions.js';
import { DraftRecord } from './draft-history.js';
import { fieldOf, setAt, type Json, type JsonObject } from './draft-paths.js';
import { casesFor, type RuleDraft } from './draft-types.js';
import { draftsApi } from './drafts-api.js';
import { GateProblems } from './gate-problems.js';
import { problemsOf, type GateProblem } from './gate-types.js';
import { ImpactView } from './impact-view.js';
import { ItemFields, VersionFields } from './item-fields.js';
import { JsonPane } from './json-pane.js';
import { ParameterFields } from './parameter-fields.js';
import { ProblemContext } from './problem-context.js';
import { useDebounced, useGate } from './use-gate.js';

/** The steps whose problems name a path in the draft (the cases step names paths in the cases). */
const DRAFT_STEPS = new Set(['schema', 'version', 'static']);

/** Every `data-path` the form shows now: where problems are shown and jumps go. */
function useRenderedPaths(dependency: unknown): ReadonlySet<string> {
  const [paths, setPaths] = useState<ReadonlySet<string>>(new Set());
  useLayoutEffect(() => {
    const now = [...document.querySelectorAll<HTMLElement>('[data-testid=rule-form] [data-path]')].map((element) => element.dataset.path!);
    setPaths((previous) => (previous.size === now.length && now.every((p) => previous.has(p)) ? previous : new Set(now)));
  }, [dependency]);
  return paths;
}

/**
 * A draft in the author's hands: the form and the raw JSON side by side, the gate re-run as the
 * officer edits (each problem at its field and in the list), the carried cases run before and
 * after, and the impact preview once the gate reaches it; then submission with a note. Saving
 * goes through the draft's routes, so what is confirmed or submitted is what the officer sees.
 */
export function RuleEditor({ stored, onChanged }: { stored: RuleDraft; onChanged: (draft: RuleDraft) => void }) {
  const { t } = useLocale();
  const path = { ruleSetId: stored.ruleSetId, draftId: stored.draftId };
  const [draft, setDraft] = useState<JsonObject>(stored.ruleSet);
  const [cases, setCases] = useState<JsonObject | null>(stored.cases);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const edit = (at: string, value: Json | undefined) => setDraft((current) => setAt(current, at, value) as JsonObject);
  // The cases travel with the draft, named for its id and version.
  const sentCases = useMemo(() => (cases === null ? null : casesFor(cases, draft)), [cases, draft.id, draft.version]);
  const gate = useGate(stored.ruleSetId, draft, sentCases);
  const runs = useDebounced(sentCases === null ? null : () => draftsApi.runCases(path, { ruleSet: draft, cases: sentCases }), [draft, sentCases]);
  const fieldPaths = useRenderedPaths(draft);
  const atFields = useMemo(() => {
    const map = new Map<string, GateProblem[]>();
    for (const { step, problem } of gate.validation ? problemsOf(gate.validation.report) : []) {
      if (!DRAFT_STEPS.has(step)) continue;
      const field = fieldOf(problem.path, fieldPaths);
      if (field !== null) map.set(field, [...(map.get(field) ?? []), problem]);
    }
    return map;
  }, [gate.validation, fieldPaths]);
  const save = () => draftsApi.save(path, { ruleSet: draft, cases: sentCases });
  const confirm = (names: readonly string[]) => {
    setConfirming(true);
    setFailure(null);
    save()
      .then(() => draftsApi.confirmCases(path, names))
      .then(({ draft: confirmed }) => setCases(confirmed.cases))
      .catch(setFailure)
      .finally(() => setConfirming(false));
  };
  const act = async (action: DraftAction, note: string) => {
    if (action === 'submit') {
      await save();
      const outcome = await draftsApi.submit(path, note);
      if (outcome.status === 'refused') throw new Error(outcome.message ?? t('rulesGateRefused'));
      onChanged(outcome.draft);
    } else if (action === 'withdraw') onChanged(await draftsApi.withdraw(path, note));
  };
  const preview = gate.validation?.report.preview ?? null;
  return (
    <ProblemContext.Provider value={atFields}>
      <Card title={t('rulesDraftTitle', { id: stored.ruleSetId, version: String(draft.version), base: stored.baseVersion ?? '—' })} data-testid="rule-editor">
        <GateProblems gate={gate} fieldPaths={fieldPaths} />
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} xl={14} data-testid="rule-form">
            <Card size="small" title={t('rulesVersionCard')} style={{ marginBottom: 12 }}>
              <VersionFields draft={draft} edit={edit} />
            </Card>
            <Card size="small" title={t('rulesParameters')} style={{ marginBottom: 12 }}>
              <ParameterFields draft={draft} edit={edit} />
            </Card>
            <Card size="small" title={t('rulesItems')}>
              <ItemFields draft={draft} edit={edit} />
            </Card>
          </Col>
          <Col xs={24} xl={10} style={{ position: 'sticky', top: 16, alignSelf: 'flex-start' }}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('rulesJson')}
            </Typography.Title>
            <JsonPane draft={draft} onChange={(value) => setDraft(value as JsonObject)} />
          </Col>
        </Row>
      </Card>
      <Card title={t('rulesCases')} style={{ marginTop: 16 }}>
        {failure !== null && <ErrorAlert error={failure} />}
        {runs.error !== null && <ErrorAlert error={runs.error} />}
        <CasesPanel
          ruleSetId={stored.ruleSetId}
          cases={cases}
          runs={runs.data?.cases ?? null}
          busy={confirming}
          onConfirm={confirm}
          onAdd={(entry) => setCases((current) => ({ ...(current ?? {}), cases: [...((current?.cases as Json[] | undefined) ?? []), entry] }))}
          judge={async (entry) => {
            // The new case alone, run with the draft as it is on screen: its result is the expectation.
            const run = await draftsApi.runCases(path, { ruleSet: draft, cases: { ...(sentCases ?? {}), cases: [entry] } });
            return run.cases[0]?.after?.outcome ?? null;
          }}
        />
      </Card>
      <Card title={t('rulesImpact')} style={{ marginTop: 16 }}>
        {preview ? <ImpactView preview={preview} /> : <Alert type="info" showIcon title={t('rulesImpactPending')} />}
      </Card>
      <Card title={t('rulesNextSteps')} style={{ marginTop: 16 }}>
        <DraftActions status={stored.status} act={act} />
      </Card>
    </ProblemContext.Provider>
  );
}

/**
 * A submitted or closed draft as the approver (and later the history) reads it: its steps, its
 * diff, its impact as submitted or approved, the impact recomputed now on the current population
 * (what approval will check again), and the next steps.
 */
function DraftReview({ stored, base, onChanged }: { stored: RuleDraft; base: JsonObject | null; onChanged: (draft: RuleDraft) => void }) {
  const { t } = useLocale();
  const path = { ruleSetId: stored.ruleSetId, draftId: stored.draftId };
  const gate = useGate(stored.ruleSetId, stored.ruleSet, stored.cases);
  const act = async (action: DraftAction, note: string) => {
    if (action === 'approve') {
      const outcome = await draftsApi.approve(path, note);
      if (outcome.status === 'refused') throw new Error(outcome.message ?? t('rulesGateRefused'));
      onChanged(outcome.draft);
    } else if (action === 'reject') onChanged(await draftsApi.reject(path, note));
    else if (action === 'withdraw') onChanged(await draftsApi.withdraw(path, note));
  };
  const now = gate.validation?.report.preview ?? null;
  return (
    <div data-testid="draft-review">
      <DraftRecord draft={stored} base={base} />
      {stored.status === 'submitted' && (
        <>
          <Card title={t('rulesImpactNow')} style={{ marginTop: 16 }} data-testid="impact-now">
            {now ? <ImpactView preview={now} /> : <GateProblems gate={gate} fieldPaths={new Set()} />}
          </Card>
          <Card title={t('rulesNextSteps')} style={{ marginTop: 16 }}>
            <DraftActions status={stored.status} act={act} />
          </Card>
        </>
      )}
    </div>
  );
}

/** `/rules/{id}/drafts/{draftId}`: the editor while the draft is being written, its review once submitted or closed. */
export function DraftPage({ ruleSetId, draftId }: { ruleSetId: string; draftId: string }) {
  const [round, setRound] = useState(0);
  const loaded = useApi(`draft/${ruleSetId}/${draftId}/${round}`, () => draftsApi.get({ ruleSetId, draftId }));
  const history = useApi(`rule-history/${ruleSetId}`, () => draftsApi.history(ruleSetId));
  const changed = () => setRound((n) => n + 1);
  return (
    <ApiState loaded={loaded}>
      {(stored) => {
        if (stored.status === 'draft') return <RuleEditor key={stored.draftId} stored={stored} onChanged={changed} />;
        const base = history.data?.versions.find((v) => v.version === stored.baseVersion)?.ruleSet ?? null;
        return <DraftReview key={`${stored.draftId}/${stored.status}`} stored={stored} base={base} onChanged={changed} />;
      }}
    </ApiState>
  );
}
