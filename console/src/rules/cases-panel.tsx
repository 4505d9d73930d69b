import { Alert, Button, Form, Input, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocale } from '../i18n/locale.js';
import { parseJsonText, type JsonObject } from './draft-paths.js';
import type { CarriedCase } from './drafts-api.js';
import { PickedCaseForm, pickedKindOf } from './picked-case-form.js';

/** The subject a standard's cases override: households for the household standards, else the village or county. */
const SUBJECT_KEY: Record<string, string> = { 'household-exit': 'household', identification: 'household', 'return-risk': 'household', 'village-exit': 'village', 'county-exit': 'county' };

function Result({ result }: { result: { outcome: string; items?: Readonly<Record<string, string>> } | null }) {
  if (result === null) return <span>—</span>;
  return (
    <span data-outcome={result.outcome}>
      <Tag color={result.outcome === 'pass' ? 'green' : result.outcome === 'fail' ? 'red' : 'default'}>{result.outcome}</Tag>
      {Object.entries(result.items ?? {})
        .filter(([, value]) => value !== 'pass')
        .map(([id, value]) => (
          <Tag key={id} bordered={false}>{`${id}: ${value}`}</Tag>
        ))}
    </span>
  );
}

/**
 * The scenario cases travelling with the draft — carried from the version in force — run with
 * the version in force (before) and with the draft (after) as the officer edits. The cases the
 * draft judges differently, or that no longer meet their expectation, are listed side by side;
 * the officer confirms each (or all) as the new expectation, or fixes the draft. A new case comes
 * from a small form: a name, a year and the fields it changes of the base subject; for a household
 * or village standard, also from a household or village picked in the data, expecting the draft's
 * verdict (`judge`). A case picked in the data is listed once added, whether or not it changes.
 */
export function CasesPanel({ ruleSetId, cases, runs, busy, onConfirm, onAdd, judge }: {
  ruleSetId: string;
  cases: JsonObject | null;
  runs: readonly CarriedCase[] | null;
  busy: boolean;
  onConfirm: (names: readonly string[]) => void;
  onAdd: (entry: JsonObject) => void;
  judge: (entry: JsonObject) => Promise<string | null>;
}) {
  const { t } = useLocale();
  const [adding, setAdding] = useState<{ name: string; year: number | null; overrides: string }>({ name: '', year: null, overrides: '{}' });
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  if (cases === null) return <Alert type="info" showIcon title={t('rulesNoCases')} />;
  const names = new Set(((Array.isArray(cases.cases) ? cases.cases : []) as JsonObject[]).map((entry) => String(entry.name)));
  const shown = (runs ?? []).filter((run) => run.changed || !run.passes || picked.has(run.name));
  const kind = pickedKindOf(ruleSetId);
  const confirmable = shown.filter((run) => !run.passes && run.after !== null);
  const overrides = parseJsonText(adding.overrides);
  const canAdd = adding.name.trim() !== '' && adding.year !== null && overrides.ok && !names.has(adding.name.trim());
  const add = () => {
    if (!canAdd || !overrides.ok) return;
    onAdd({ name: adding.name.trim(), year: adding.year!, [SUBJECT_KEY[ruleSetId] ?? 'household']: overrides.value, expected: { outcome: 'pass' } });
    setAdding({ name: '', year: null, overrides: '{}' });
  };
  return (
    <div data-testid="cases">
      {runs && (
        <Typography.Paragraph data-testid="cases-summary">
          {t('rulesCasesSummary', { passed: runs.filter((run) => run.passes).length, total: runs.length, changed: runs.filter((run) => run.changed).length })}
        </Typography.Paragraph>
      )}
      {confirmable.length > 0 && (
        <Button type="primary" loading={busy} onClick={() => onConfirm(confirmable.map((run) => run.name))} data-testid="confirm-all-cases" style={{ marginBottom: 8 }}>
          {t('rulesConfirmAll', { count: confirmable.length })}
        </Button>
      )}
      {shown.length > 0 && (
        <Table
          data-testid="changed-cases"
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={shown}
          columns={[
            { title: t('rulesCase'), dataIndex: 'name' },
            { title: t('rulesCaseExpected'), render: (_, run) => <Result result={run.expected} /> },
            { title: t('rulesCaseBefore'), render: (_, run) => <Result result={run.before} /> },
            { title: t('rulesCaseAfter'), render: (_, run) => <Result result={run.after} /> },
            {
              title: '',
              render: (_, run) =>
                !run.passes &&
                run.after !== null && (
                  <Button size="small" loading={busy} onClick={() => onConfirm([run.name])} data-testid="confirm-case">
                    {t('rulesConfirm')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <Form layout="inline" style={{ marginTop: 12 }} onFinish={add}>
        <Form.Item label={t('rulesCaseName')}>
          <Input aria-label={t('rulesCaseName')} value={adding.name} onChange={(event) => setAdding({ ...adding, name: event.target.value })} data-testid="new-case-name" />
        </Form.Item>
        <Form.Item label={t('rulesYear')}>
          <InputNumber aria-label={t('rulesYear')} value={adding.year} onChange={(year) => setAdding({ ...adding, year })} data-testid="new-case-year" />
        </Form.Item>
        <Form.Item label={t('rulesCaseOverrides')}>
          <Input aria-label={t('rulesCaseOverrides')} value={adding.overrides} onChange={(event) => setAdding({ ...adding, overrides: event.target.value })} style={{ width: 320, fontFamily: 'monospace' }} data-testid="new-case-overrides" />
        </Form.Item>
        <Button htmlType="submit" disabled={!canAdd} data-testid="add-case">
          {t('rulesAddCase')}
        </Button>
      </Form>
      {kind && (
        <PickedCaseForm
          kind={kind}
          cases={cases}
          names={names}
          defaultYear={firstYear(cases)}
          judge={judge}
          onAdd={(entry) => {
            setPicked((current) => new Set([...current, String(entry.name)]));
            onAdd(entry);
          }}
        />
      )}
    </div>
  );
}

/** The year the draft's cases are about (their first), which a case picked in the data takes by default. */
function firstYear(cases: JsonObject): number | null {
  const first = (Array.isArray(cases.cases) ? cases.cases[0] : undefined) as JsonObject | undefined;
  return typeof first?.year === 'number' ? first.year : null;
}
