import { Alert, Button, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocale } from '../i18n/locale.js';
import { confirmCases, type CaseActual } from './case-expectations.js';
import { parseJsonText, type JsonObject } from './draft-paths.js';
import type { CaseResult } from './gate-types.js';

export type CaseRun = CaseResult & { readonly actual?: CaseActual | null };

/** The subject a standard's cases override: households for the household standards, else the village or county. */
const SUBJECT_KEY: Record<string, string> = { 'household-exit': 'household', identification: 'household', 'return-risk': 'household', 'village-exit': 'village', 'county-exit': 'county' };

function Outcome({ outcome, items }: { outcome: string; items: Readonly<Record<string, string>> }) {
  return (
    <span>
      <Tag color={outcome === 'pass' ? 'green' : outcome === 'fail' ? 'red' : 'default'}>{outcome}</Tag>
      {Object.entries(items).map(([id, value]) => (
        <Tag key={id} bordered={false}>{`${id}: ${value}`}</Tag>
      ))}
    </span>
  );
}

/**
 * The scenario cases travelling with the draft, as the gate last ran them: how many pass, and
 * each case whose result changed shown as it was expected (before) beside what the draft gives
 * (after), to confirm as the new expectation — or to fix the draft. A new case comes from a
 * small form: a name, a year and the fields it changes of the base subject; its expectation is
 * then confirmed from what the draft gives it.
 */
export function CasesPanel({ ruleSetId, cases, runs, onChange }: { ruleSetId: string; cases: JsonObject | null; runs: readonly CaseRun[] | null; onChange: (cases: JsonObject) => void }) {
  const { t } = useLocale();
  const [adding, setAdding] = useState<{ name: string; year: number | null; overrides: string }>({ name: '', year: null, overrides: '{}' });
  if (cases === null) return <Alert type="info" showIcon title={t('rulesNoCases')} />;
  const list = (Array.isArray(cases.cases) ? cases.cases : []) as JsonObject[];
  const expected = new Map(list.map((entry) => [String(entry.name), (entry.expected ?? {}) as JsonObject]));
  const changed = (runs ?? []).filter((run) => !run.passed);
  const confirmable = changed.filter((run) => run.actual);
  const confirm = (names: readonly CaseRun[]) => onChange(confirmCases(cases, new Map(names.map((run) => [run.name, run.actual!]))));
  const overrides = parseJsonText(adding.overrides);
  const canAdd = adding.name.trim() !== '' && adding.year !== null && overrides.ok && !expected.has(adding.name.trim());
  const add = () => {
    if (!canAdd || !overrides.ok) return;
    const entry: JsonObject = { name: adding.name.trim(), year: adding.year!, [SUBJECT_KEY[ruleSetId] ?? 'household']: overrides.value, expected: { outcome: 'pass' } };
    onChange({ ...cases, cases: [...list, entry] });
    setAdding({ name: '', year: null, overrides: '{}' });
  };
  return (
    <div data-testid="cases">
      {runs && (
        <Typography.Paragraph data-testid="cases-summary">
          {t('rulesCasesSummary', { passed: runs.length - changed.length, total: runs.length })}
        </Typography.Paragraph>
      )}
      {confirmable.length > 0 && (
        <Button type="primary" onClick={() => confirm(confirmable)} data-testid="confirm-all-cases" style={{ marginBottom: 8 }}>
          {t('rulesConfirmAll', { count: confirmable.length })}
        </Button>
      )}
      {changed.length > 0 && (
        <Table
          data-testid="changed-cases"
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={changed}
          columns={[
            { title: t('rulesCase'), dataIndex: 'name' },
            {
              title: t('rulesCaseBefore'),
              render: (_, run) => {
                const was = expected.get(run.name) ?? {};
                return <Outcome outcome={String(was.outcome ?? '')} items={(was.items ?? {}) as Record<string, string>} />;
              },
            },
            { title: t('rulesCaseAfter'), render: (_, run) => (run.actual ? <Outcome outcome={run.actual.outcome} items={run.actual.items} /> : '—') },
            { title: t('rulesCaseDifferences'), render: (_, run) => run.differences.join('; ') },
            {
              title: '',
              render: (_, run) =>
                run.actual && (
                  <Button size="small" onClick={() => confirm([run])} data-testid="confirm-case">
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
        <Space>
          <Button htmlType="submit" disabled={!canAdd} data-testid="add-case">
            {t('rulesAddCase')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
