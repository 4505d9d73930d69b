import { clerkBoolean, clerkDate, clerkEnum, clerkNumberText } from './clerk-values.js';
import type { CsvColumnPlan } from './csv-layout.js';
import { describeValue, type RowProblem } from '../parsing/rejected-row.js';
import { render, type Text } from '../../i18n/messages.js';


const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

type Cell = { readonly value: unknown } | { readonly problem: string; readonly text?: Text };

/** A cell's problem as a catalogue text, with its English (the stored reason). */
function problemCell(text: Text): Cell {
  return { problem: render('en', text), text };
}

/** A cell's text read by its column: the clerk's spellings the dictionary names become canonical values. */
export function readCell(text: string, plan: Pick<CsvColumnPlan, 'kind' | 'entry'>): Cell {
  const { kind, entry } = plan;
  if (text === '') return { value: null };
  if (kind === 'string') {
    if (entry?.type === 'enum' && text.trim() !== '') return clerkEnum(text, entry);
    if (entry?.type === 'date') return { value: clerkDate(text) };
    return { value: text };
  }
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  switch (kind) {
    case 'number': {
      const written = clerkNumberText(trimmed);
      const value = NUMBER.test(written) ? Number(written) : Number.NaN;
      return Number.isFinite(value) ? { value } : problemCell({ key: 'reject.type', params: { expected: { key: 'reject.a.number' }, got: describeValue(text) } });
    }
    case 'boolean': {
      const value = clerkBoolean(trimmed);
      if (value !== null) return { value };
      return problemCell({ key: 'reject.yesNo', params: { got: describeValue(text) } });
    }
    case 'json':
      try {
        return { value: JSON.parse(trimmed) as unknown };
      } catch (error) {
        return problemCell({ key: 'reject.cellJson', params: { got: describeValue(text), detail: (error as Error).message } });
      }
  }
}

/** Assigns an own property even for keys like `__proto__`, which a plain assignment would not. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setPath(record: Record<string, unknown>, path: readonly string[], value: unknown): Text | null {
  let target = record;
  for (const [depth, key] of path.slice(0, -1).entries()) {
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (existing === undefined || existing === null) {
      const created: Record<string, unknown> = {};
      setOwn(target, key, created);
      target = created;
    } else if (isPlainObject(existing)) {
      target = existing;
    } else {
      return { key: 'reject.notObject', params: { path: path.slice(0, depth + 1).join('.'), got: describeValue(existing) } };
    }
  }
  setOwn(target, path[path.length - 1]!, value);
  return null;
}

/**
 * Builds the raw record of one CSV row, before its schema checks it; `plans` come in the order
 * `planCsvColumns` gives, so whole-object cells are laid down before dotted cells on top of
 * them. An empty cell is `null`; a dotted column's empty cell leaves its field out, so an
 * object whose cells are all empty stays missing (`null`) rather than an object of nulls.
 */
export function csvRowToRecord(plans: readonly CsvColumnPlan[], cells: readonly string[]): { record: Record<string, unknown>; problems: RowProblem[] } {
  const record: Record<string, unknown> = {};
  const problems: (RowProblem & { index: number })[] = [];
  for (const plan of plans) {
    const cell = readCell(cells[plan.index] ?? '', plan);
    if ('problem' in cell) {
      problems.push({ field: plan.column, reason: cell.problem, ...('text' in cell && cell.text !== undefined ? { text: cell.text } : {}), index: plan.index });
      continue;
    }
    if (plan.path.length === 1) {
      setOwn(record, plan.path[0]!, cell.value);
      continue;
    }
    if (cell.value === null) continue;
    const conflict = setPath(record, plan.path, cell.value);
    if (conflict !== null) problems.push({ field: plan.column, reason: render('en', conflict), text: conflict, index: plan.index });
  }
  // Report problems in column order whatever order the cells were laid down in.
  problems.sort((a, b) => a.index - b.index);
  return { record, problems: problems.map(({ field, reason, text }) => (text === undefined ? { field, reason } : { field, reason, text })) };
}
