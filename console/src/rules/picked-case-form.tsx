import { Button, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../api/client.js';
import { ErrorAlert } from '../components/api-state.js';
import { useLocale } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/messages.js';
import type { JsonObject } from './draft-paths.js';

/**
 * A stored record as a case's overrides: the fields whose value the file's base subject already
 * gives are left out, so the case says only how this subject differs from the base.
 */
export function overridesOf(record: JsonObject, base: JsonObject | undefined): JsonObject {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => base === undefined || JSON.stringify(base[key]) !== JSON.stringify(value)));
}

type Bases = { household?: JsonObject; village?: JsonObject };

/** What a case is picked from: how its record is read and turned into a case, and its texts. */
interface PickedKind {
  /** The standards whose cases this kind of subject makes. */
  readonly standards: ReadonlySet<string>;
  /** The case's subject part, from the records as stored (`GET /households/{id}` or `GET /villages/{id}`, policy staff only). */
  read(id: string, bases: Bases): Promise<JsonObject>;
  readonly texts: { readonly id: MessageKey; readonly add: MessageKey; readonly hint: MessageKey; readonly name: MessageKey; readonly notJudged: MessageKey };
}

export const PICKED_KINDS = {
  household: {
    standards: new Set(['household-exit', 'identification', 'return-risk']),
    read: async (householdId, bases) => {
      const record = (await get('/households/{householdId}', { householdId })) as unknown as JsonObject;
      return { household: overridesOf(record, bases.household) };
    },
    texts: { id: 'rulesHouseholdId', add: 'rulesAddFromHousehold', hint: 'rulesFromHouseholdHint', name: 'rulesHouseholdCaseName', notJudged: 'rulesHouseholdNotJudged' },
  },
  // A village case holds the village, its county's region (the thresholds) and every household of it.
  village: {
    standards: new Set(['village-exit']),
    read: async (villageId, bases) => {
      const stored = await get('/villages/{villageId}', { villageId });
      return {
        village: overridesOf(stored.village as unknown as JsonObject, bases.village),
        region: stored.region,
        households: stored.households.map((household) => overridesOf(household as unknown as JsonObject, bases.household)),
      };
    },
    texts: { id: 'rulesVillageId', add: 'rulesAddFromVillage', hint: 'rulesFromVillageHint', name: 'rulesVillageCaseName', notJudged: 'rulesVillageNotJudged' },
  },
} as const satisfies Record<string, PickedKind>;

export type PickedKindName = keyof typeof PICKED_KINDS;

/** The kind of subject a standard's cases can be picked from in the data, if any. */
export function pickedKindOf(ruleSetId: string): PickedKindName | null {
  return (Object.keys(PICKED_KINDS) as PickedKindName[]).find((kind) => PICKED_KINDS[kind].standards.has(ruleSetId)) ?? null;
}

/**
 * A new case from a household or village picked in the data: the officer gives its id, the
 * console fetches the records as stored, and the case expects what the draft judges now —
 * `judge` runs it with the draft — so adding it asks no JSON of anyone.
 */
export function PickedCaseForm({ kind, cases, names, defaultYear, judge, onAdd }: {
  kind: PickedKindName;
  cases: JsonObject;
  names: ReadonlySet<string>;
  defaultYear: number | null;
  judge: (entry: JsonObject) => Promise<string | null>;
  onAdd: (entry: JsonObject) => void;
}) {
  const { t } = useLocale();
  const { read, texts } = PICKED_KINDS[kind] as PickedKind;
  const [subjectId, setSubjectId] = useState('');
  const [year, setYear] = useState<number | null>(defaultYear);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const id = subjectId.trim();
  const name = t(texts.name, { householdId: id, villageId: id });
  const canAdd = id !== '' && year !== null && !names.has(name) && !busy;
  const add = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const subject = await read(id, (cases.bases ?? {}) as Bases);
      const entry: JsonObject = { name, year: year!, ...subject, expected: { outcome: 'pass' } };
      const outcome = await judge(entry);
      if (outcome === null) throw new Error(t(texts.notJudged));
      onAdd({ ...entry, expected: { outcome } });
      setSubjectId('');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginTop: 12 }} data-testid={`${kind}-case`}>
      <Typography.Paragraph type="secondary">{t(texts.hint)}</Typography.Paragraph>
      {failure !== null && <ErrorAlert error={failure} />}
      <Form layout="inline" onFinish={() => void add()}>
        <Form.Item label={t(texts.id)}>
          <Input aria-label={t(texts.id)} value={subjectId} onChange={(event) => setSubjectId(event.target.value)} data-testid={`${kind}-case-id`} />
        </Form.Item>
        <Form.Item label={t('rulesYear')}>
          <InputNumber aria-label={`${t(texts.id)} ${t('rulesYear')}`} value={year} onChange={setYear} data-testid={`${kind}-case-year`} />
        </Form.Item>
        <Button htmlType="submit" disabled={!canAdd} loading={busy} data-testid={`add-${kind}-case`}>
          {t(texts.add)}
        </Button>
      </Form>
    </div>
  );
}
