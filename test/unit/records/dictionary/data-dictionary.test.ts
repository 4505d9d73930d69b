import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DATA_DICTIONARY, exampleRecord, FIELD_TYPE_LABELS, type Bounds, type FieldEntry, type FieldType } from '../../../../src/records/dictionary/data-dictionary.js';
import { parseCsv } from '../../../../src/records/csv/parse-csv.js';
import { readLines } from '../../../../src/records/parsing/read-lines.js';
import { RECORD_KIND_NAMES, RECORD_KINDS, type RecordKind } from '../../../../src/records/schemas/record-kinds.js';
import { collect } from '../../../helpers/record-lines.js';

/** What the zod schema itself says about a field, read the way `describeCsvColumns` reads it. */
interface SchemaField {
  readonly type: FieldType;
  readonly required: boolean;
  readonly values?: readonly string[];
  readonly enforced?: Bounds;
}

interface Def {
  readonly def: { readonly type: string; readonly innerType?: Def; readonly shape?: Record<string, Def>; readonly element?: Def; readonly format?: string; readonly checks?: readonly { _zod: { def: { pattern?: RegExp } } }[] };
  readonly options?: readonly string[];
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly isInt?: boolean;
}

const WRAPPERS = ['default', 'nullable', 'optional', 'prefault', 'readonly'];

function unwrap(schema: Def): { inner: Def; required: boolean } {
  let inner = schema;
  let required = true;
  while (WRAPPERS.includes(inner.def.type) && inner.def.innerType !== undefined) {
    required = false;
    inner = inner.def.innerType;
  }
  return { inner, required };
}

// Bounds as loose as a safe integer are zod's own, not the contract's.
const bound = (value: number | undefined): number | undefined =>
  value === undefined || !Number.isFinite(value) || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value;

function describeField(inner: Def, required: boolean): SchemaField {
  switch (inner.def.type) {
    case 'string': {
      if (inner.def.format === 'date') return { type: 'date', required };
      const pattern = inner.def.checks?.[0]?._zod.def.pattern?.source;
      if (pattern === '\\S') return { type: 'id', required };
      if (pattern === '^\\d{4}Q[1-4]$') return { type: 'quarter', required };
      return { type: 'text', required };
    }
    case 'enum':
      return { type: 'enum', required, values: inner.options ?? [] };
    case 'number': {
      const min = bound(inner.minValue);
      const max = bound(inner.maxValue);
      const enforced = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
      return { type: inner.isInt === true ? 'integer' : 'number', required, ...(Object.keys(enforced).length > 0 ? { enforced } : {}) };
    }
    case 'boolean':
      return { type: 'boolean', required };
    case 'object':
      return { type: 'object', required };
    case 'array':
      return { type: 'list', required };
    default:
      throw new Error(`no dictionary type for a zod ${inner.def.type}`);
  }
}

/** Every field of a record schema by its dictionary name: objects descend with `.`, lists of objects with `[].`. */
function schemaFields(schema: z.ZodType): Map<string, SchemaField> {
  const fields = new Map<string, SchemaField>();
  const walk = (shape: Record<string, Def>, prefix: string): void => {
    for (const [key, value] of Object.entries(shape)) {
      const { inner, required } = unwrap(value);
      const name = prefix + key;
      fields.set(name, describeField(inner, required));
      if (inner.def.type === 'object' && inner.def.shape) walk(inner.def.shape, `${name}.`);
      const item = inner.def.type === 'array' && inner.def.element ? unwrap(inner.def.element).inner : undefined;
      if (item?.def.type === 'object' && item.def.shape) walk(item.def.shape, `${name}[].`);
    }
  };
  walk(unwrap(schema as unknown as Def).inner.def.shape ?? {}, '');
  return fields;
}

const DOC = readFileSync(new URL('../../../../docs/data-contract.md', import.meta.url), 'utf8');

/** The part of the doc about one file: from its `### \`<file stem>\`` heading to the next heading of that level or above. */
function docSection(kind: RecordKind): string {
  const lines = DOC.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`### \`${RECORD_KINDS[kind].fileStem}\``));
  if (start < 0) return '';
  const end = lines.findIndex((line, index) => index > start && /^#{1,3} /.test(line));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

function tableRow(section: string, entry: FieldEntry): string[] | undefined {
  const line = section.split('\n').find((l) => l.startsWith(`| \`${entry.field}\` |`));
  return line?.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '').trim());
}

function csvBlock(section: string): string | undefined {
  return /```csv\n([\s\S]*?)```/.exec(section)?.[1];
}

async function* text(content: string): AsyncGenerator<string> {
  yield content;
}

describe.each(RECORD_KIND_NAMES)('the data dictionary of %s', (kind) => {
  const entries = DATA_DICTIONARY[kind];
  const schema = RECORD_KINDS[kind].schema as z.ZodType;
  const fields = schemaFields(schema);

  it('has an entry for every schema field and no entry that is not one', () => {
    expect(entries.map((e) => e.field).sort()).toEqual([...fields.keys()].sort());
  });

  it.each(entries.map((e) => [e.field, e] as const))('describes %s as its schema does (type, required, values, enforced limits)', (_field, entry) => {
    const actual = fields.get(entry.field);
    const enforced = entry.limits?.enforced;
    const described: SchemaField = {
      type: entry.type,
      required: entry.required,
      ...(entry.values === undefined ? {} : { values: entry.values.map((v) => v.value) }),
      ...(enforced === undefined ? {} : { enforced }),
    };
    expect(described).toEqual(actual);
  });

  it('gives every field a Chinese name unique within the file, and an English name', () => {
    const zh = entries.map((e) => e.zh);
    expect(new Set(zh).size).toBe(zh.length);
    for (const entry of entries) {
      expect(entry.zh.trim(), entry.field).not.toBe('');
      expect(entry.en.trim(), entry.field).not.toBe('');
      expect(fields.has(entry.zh), `${entry.zh} is also a field name`).toBe(false);
      for (const value of entry.values ?? []) expect([value.zh.trim(), value.en.trim()]).not.toContain('');
    }
  });

  it('has an example row that the schema accepts unchanged and that shows every field', () => {
    const example = exampleRecord(kind);
    expect(schema.parse(example)).toEqual(example);
    for (const entry of entries) {
      expect(entry.example, entry.field).not.toBeUndefined();
      expect(entry.example, entry.field).not.toBeNull();
      if (entry.values) expect(entry.values.map((v) => v.value), entry.field).toContain(entry.example);
    }
  });

  it('is the table of its file in docs/data-contract.md, with the example row', () => {
    const section = docSection(kind);
    expect(section, `a section headed ### \`${RECORD_KINDS[kind].fileStem}\``).not.toBe('');
    for (const entry of entries) {
      const row = tableRow(section, entry);
      expect(row, `a table row for ${entry.field}`).toBeDefined();
      expect(row?.slice(1, 4), entry.field).toEqual([entry.zh, entry.en, `${FIELD_TYPE_LABELS[entry.type].en} ${FIELD_TYPE_LABELS[entry.type].zh}`]);
      for (const value of entry.values ?? []) expect(row?.[5], entry.field).toContain(`\`${value.value}\` ${value.zh}`);
    }
    expect(section).toContain(JSON.stringify(exampleRecord(kind)));
  });

  it("has a CSV example in the doc that the CSV reader turns into the example row", async () => {
    const block = csvBlock(docSection(kind));
    expect(block, 'a ```csv block in the section').toBeDefined();
    const results = await collect(parseCsv(readLines(text(block ?? '')), `${kind}.csv`, schema));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true, record: schema.parse(exampleRecord(kind)) });
  });
});
