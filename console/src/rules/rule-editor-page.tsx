import { Alert, Card, Col, Row, Typography } from 'antd';
import { useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { get } from '../api/client.js';
import { ApiState } from '../components/api-state.js';
import { useApi } from '../components/use-api.js';
import { useLocale } from '../i18n/locale.js';
import { fieldOf, setAt, type Json, type JsonObject } from './draft-paths.js';
import { casesFor } from './case-expectations.js';
import { CasesPanel, type CaseRun } from './cases-panel.js';
import { GateProblems } from './gate-problems.js';
import { problemsOf, type GateProblem } from './gate-types.js';
import { ImpactView } from './impact-view.js';
import { ItemFields, VersionFields } from './item-fields.js';
import { JsonPane } from './json-pane.js';
import { ParameterFields } from './parameter-fields.js';
import { ProblemContext } from './problem-context.js';
import { useGate } from './use-gate.js';

interface StoredVersion {
  readonly version: number;
  readonly ruleSet: JsonObject;
}

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
 * A new draft of a standard, started from one of its versions (the latest by default) as the
 * next version: the form and the raw JSON side by side, the gate re-run as the officer edits,
 * each problem at its field and in the list, and the impact preview once the gate reaches it.
 */
export function RuleEditor({ title, initialDraft, initialCases, actions }: { title: string; initialDraft: JsonObject; initialCases: JsonObject | null; actions?: (content: { ruleSet: JsonObject; cases: JsonObject | null }) => ReactNode }) {
  const { t } = useLocale();
  const [draft, setDraft] = useState<JsonObject>(initialDraft);
  const [cases, setCases] = useState<JsonObject | null>(initialCases);
  const edit = (path: string, value: Json | undefined) => setDraft((current) => setAt(current, path, value) as JsonObject);
  // The cases travel with the draft, named for its id and version.
  const sentCases = useMemo(() => (cases === null ? null : casesFor(cases, draft)), [cases, draft.id, draft.version]);
  const ruleSetId = String(initialDraft.id);
  const gate = useGate(ruleSetId, draft, sentCases);
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
  const preview = gate.validation?.report.preview ?? null;
  return (
    <ProblemContext.Provider value={atFields}>
      <Card title={title} data-testid="rule-editor">
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
        <CasesPanel ruleSetId={ruleSetId} cases={cases} runs={(gate.validation?.cases as CaseRun[] | undefined) ?? null} onChange={setCases} />
      </Card>
      <Card title={t('rulesImpact')} style={{ marginTop: 16 }}>
        {preview ? <ImpactView preview={preview} /> : <Alert type="info" showIcon title={t('rulesImpactPending')} />}
      </Card>
      {actions && <Card style={{ marginTop: 16 }}>{actions({ ruleSet: draft, cases: sentCases })}</Card>}
    </ProblemContext.Provider>
  );
}

/** `/rules/{id}?version=N`: the editor on a draft from version N (the latest when not given). */
export function RuleEditorPage({ ruleSetId, version }: { ruleSetId: string; version: number | null }) {
  const { t } = useLocale();
  const loaded = useApi(`rule-history/${ruleSetId}`, () => get('/rule-sets/{ruleSetId}/versions', { ruleSetId }));
  return (
    <ApiState loaded={loaded}>
      {(history) => {
        const versions = history.versions as unknown as StoredVersion[];
        const latest = Math.max(...versions.map((v) => v.version));
        const base = versions.find((v) => v.version === (version ?? latest));
        if (!base) return <Alert type="warning" showIcon title={t('rulesNoVersion')} />;
        return (
          <RuleEditor
            key={`${ruleSetId}/${base.version}`}
            title={t('rulesDraftTitle', { id: ruleSetId, version: latest + 1, base: base.version })}
            initialDraft={{ ...base.ruleSet, version: latest + 1, changeNote: '' }}
            initialCases={null}
          />
        );
      }}
    </ApiState>
  );
}
