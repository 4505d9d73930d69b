import type { LocalizedText } from '../../engine/verdict.js';
import { HOUSEHOLD_DICTIONARY } from './household-entries.js';
import { PLACE_DICTIONARIES } from './place-entries.js';
import type { RecordKind } from '../schemas/record-kinds.js';

/**
 * What a cell holds. `id` is a required identifier (text, never a number); `object` is a
 * nested record (one JSON cell, or dotted columns of its fields); `list` is a JSON array in
 * one cell; `quarter` is a quarter like `2018Q3`; `date` is an ISO date `YYYY-MM-DD`.
 */
export type FieldType = 'id' | 'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'date' | 'quarter' | 'object' | 'list';

/** One value an enumerated field accepts, with the words a clerk uses for it. */
export interface AllowedValue {
  readonly value: string;
  readonly zh: string;
  readonly en: string;
}

export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * `enforced`: what the schema checks (a row outside is rejected). `plausible`: a range outside
 * which a value is almost surely an entry error but which the schema does not check.
 */
export interface FieldLimits {
  readonly enforced?: Bounds;
  readonly plausible?: Bounds;
}

/** A field of the data contract as a clerk and the code both name it. */
export interface FieldEntry {
  /** The column name: dotted for an object's field (`housing.safetyGrade`), `list[].key` for a key of a list's items. */
  readonly field: string;
  /** The 台账 header a clerk would write; unique within its file. */
  readonly zh: string;
  readonly en: string;
  readonly type: FieldType;
  /** A row without it is refused: its own id, the ids it belongs to, `status`, `memberId`, a card-history line's keys. */
  readonly required: boolean;
  readonly unit: LocalizedText | null;
  readonly values?: readonly AllowedValue[];
  readonly limits?: FieldLimits;
  /** The field's value in the file's full example row. */
  readonly example: unknown;
}

/** A file of the contract: its example row and its fields, without their examples (read from the row). */
export interface FileDictionary {
  readonly example: Readonly<Record<string, unknown>>;
  readonly fields: readonly Omit<FieldEntry, 'example'>[];
}

export const FIELD_TYPE_LABELS: Readonly<Record<FieldType, LocalizedText>> = {
  id: { zh: '编号', en: 'id' },
  text: { zh: '文字', en: 'text' },
  integer: { zh: '整数', en: 'integer' },
  number: { zh: '数值', en: 'number' },
  boolean: { zh: '是/否', en: 'true/false' },
  enum: { zh: '代码', en: 'code' },
  date: { zh: '日期', en: 'date' },
  quarter: { zh: '季度', en: 'quarter' },
  object: { zh: '对象', en: 'object' },
  list: { zh: '列表', en: 'list' },
};

/** The value at a field's path in a record: `a.b` descends objects, `list[].key` reads the first item. */
export function valueAtField(record: unknown, field: string): unknown {
  let current: unknown = record;
  for (const segment of field.split('.')) {
    const listKey = segment.endsWith('[]') ? segment.slice(0, -2) : null;
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[listKey ?? segment];
    if (listKey !== null) current = Array.isArray(current) ? current[0] : undefined;
  }
  return current;
}

function withExamples(file: FileDictionary): readonly FieldEntry[] {
  return file.fields.map((entry) => ({ ...entry, example: valueAtField(file.example, entry.field) }));
}

const FILES: Readonly<Record<RecordKind, FileDictionary>> = { ...PLACE_DICTIONARIES, households: HOUSEHOLD_DICTIONARY };

/**
 * The data dictionary: per record kind, every field of its schema with its Chinese and English
 * names, type, unit, allowed values, limits and example. `docs/data-contract.md` is checked
 * against it, and the Chinese names are the headers a county's spreadsheet will be read by.
 */
export const DATA_DICTIONARY: Readonly<Record<RecordKind, readonly FieldEntry[]>> = {
  counties: withExamples(FILES.counties),
  townships: withExamples(FILES.townships),
  units: withExamples(FILES.units),
  villages: withExamples(FILES.villages),
  households: withExamples(FILES.households),
  cardHistory: withExamples(FILES.cardHistory),
};

/** The full example row of a file, as one JSON Lines record. */
export function exampleRecord(kind: RecordKind): Readonly<Record<string, unknown>> {
  return FILES[kind].example;
}
