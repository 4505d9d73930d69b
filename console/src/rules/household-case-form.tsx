import { Button, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../api/client.js';
import { ErrorAlert } from '../components/api-state.js';
import { useLocale } from '../i18n/locale.js';
import type { JsonObject } from './draft-paths.js';

/** The household standards, whose cases override `bases.household`. */
export const HOUSEHOLD_STANDARDS = new Set(['household-exit', 'identification', 'return-risk']);

/**
 * A stored record as a case's overrides: the fields whose value the file's base household
 * already gives are left out, so the case says only how this household differs from the base.
 */
export function overridesOf(record: JsonObject, base: JsonObject | undefined): JsonObject {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => base === undefined || JSON.stringify(base[key]) !== JSON.stringify(value)));
}

/**
 * A new case from a household picked in the data: the officer gives its id, the console fetches
 * the record as stored (`GET /households/{householdId}`, policy staff only), and the case expects
 * what the draft judges now — `judge` runs it with the draft — so adding it asks no JSON of anyone.
 */
export function HouseholdCaseForm({ cases, names, defaultYear, judge, onAdd }: {
  cases: JsonObject;
  names: ReadonlySet<string>;
  defaultYear: number | null;
  judge: (entry: JsonObject) => Promise<string | null>;
  onAdd: (entry: JsonObject) => void;
}) {
  const { t } = useLocale();
  const [householdId, setHouseholdId] = useState('');
  const [year, setYear] = useState<number | null>(defaultYear);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const id = householdId.trim();
  const name = t('rulesHouseholdCaseName', { householdId: id });
  const canAdd = id !== '' && year !== null && !names.has(name) && !busy;
  const add = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const record = (await get('/households/{householdId}', { householdId: id })) as unknown as JsonObject;
      const bases = (cases.bases ?? {}) as { household?: JsonObject };
      const entry: JsonObject = { name, year: year!, household: overridesOf(record, bases.household), expected: { outcome: 'pass' } };
      const outcome = await judge(entry);
      if (outcome === null) throw new Error(t('rulesHouseholdNotJudged'));
      onAdd({ ...entry, expected: { outcome } });
      setHouseholdId('');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginTop: 12 }} data-testid="household-case">
      <Typography.Paragraph type="secondary">{t('rulesFromHouseholdHint')}</Typography.Paragraph>
      {failure !== null && <ErrorAlert error={failure} />}
      <Form layout="inline" onFinish={() => void add()}>
        <Form.Item label={t('rulesHouseholdId')}>
          <Input aria-label={t('rulesHouseholdId')} value={householdId} onChange={(event) => setHouseholdId(event.target.value)} data-testid="household-case-id" />
        </Form.Item>
        <Form.Item label={t('rulesYear')}>
          <InputNumber aria-label={`${t('rulesHouseholdId')} ${t('rulesYear')}`} value={year} onChange={setYear} data-testid="household-case-year" />
        </Form.Item>
        <Button htmlType="submit" disabled={!canAdd} loading={busy} data-testid="add-household-case">
          {t('rulesAddFromHousehold')}
        </Button>
      </Form>
    </div>
  );
}
