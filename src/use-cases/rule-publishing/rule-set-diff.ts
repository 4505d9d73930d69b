import { canonicalJson } from '../../kernel/canonical-json.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';

/** A value that differs at a JSON path; `undefined` on a side where the path does not exist. */
export interface ValueChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** An item (or warning) of the draft against the one of the same id in force. */
export interface ItemDiff {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** For `changed`: what differs inside the item (label, group, conditions…). */
  readonly fields: readonly ValueChange[];
}

/** A draft against the version in force: parameter by parameter, item by item, and the rest. */
export interface RuleSetDiff {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly parameters: readonly ValueChange[];
  readonly items: readonly ItemDiff[];
  readonly warnings: readonly ItemDiff[];
  /** Every other field (effectiveFrom, decision, outcomeLabels, appliesTo, texts…); not the version. */
  readonly other: readonly ValueChange[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

/** The leaves that differ between two JSON values, by path; lists of the same length compare element by element. */
function valueChanges(before: unknown, after: unknown, path: string): ValueChange[] {
  if (same(before, after)) return [];
  const join = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  if (isObject(before) && isObject(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort().flatMap((key) => valueChanges(before[key], after[key], join(key)));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some((element) => isObject(element) || Array.isArray(element))) {
    return before.flatMap((element, index) => valueChanges(element, after[index], join(index)));
  }
  return [{ path, before, after }];
}

function itemDiffs(before: readonly { id: string }[], after: readonly { id: string }[]): ItemDiff[] {
  const was = new Map(before.map((item) => [item.id, item]));
  const is = new Map(after.map((item) => [item.id, item]));
  const ids = [...after.map((i) => i.id), ...before.map((i) => i.id).filter((id) => !is.has(id))];
  const diffs: ItemDiff[] = [];
  for (const id of ids) {
    const b = was.get(id);
    const a = is.get(id);
    if (!b) diffs.push({ id, change: 'added', fields: [] });
    else if (!a) diffs.push({ id, change: 'removed', fields: [] });
    else {
      const fields = valueChanges(b, a, '');
      if (fields.length > 0) diffs.push({ id, change: 'changed', fields });
    }
  }
  return diffs;
}

/**
 * What a draft changes against a version: every parameter leaf that differs (a year-table
 * entry is its own line: `exitLine.byYear.2018: 3535 → 4200`), every item added, removed or
 * changed (matched by id, in the draft's order), and any other field that differs.
 */
export function diffRuleSets(before: RuleSet, after: RuleSet): RuleSetDiff {
  const rest = (r: RuleSet) => {
    const { parameters: _p, items: _i, warnings: _w, version: _v, $schema: _s, ...others } = r;
    return others;
  };
  return {
    fromVersion: before.version,
    toVersion: after.version,
    parameters: valueChanges(before.parameters, after.parameters, ''),
    items: itemDiffs(before.items, after.items),
    warnings: itemDiffs(before.warnings, after.warnings),
    other: valueChanges(rest(before), rest(after), ''),
  };
}
