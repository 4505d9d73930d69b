import type { SubjectType, Verdict, VerdictItem, VerdictWarning } from '../../engine/verdict.js';
import type { ItemTexts, VerdictTexts } from '../../engine/verdict-texts.js';
import { StoreReadError } from './store-errors.js';

/*
 * A stored verdict keeps what the record decided and refers to its rule-set version for the
 * rest: item ids, labels, fixed requirement texts and the outcome label come back from the
 * pinned version (`VerdictTexts`), the subject, rule set and year from the sort key, the
 * determination id from its top-level attribute. Short member names because DynamoDB bills the
 * names of nested members too. Any text that differs from the version's is kept in full, and
 * `compactVerdict` refuses a verdict it would not restore byte for byte.
 */

/** One item (or fired warning): its outcome and value, and only the texts its version does not give. */
interface CompactItem {
  /** Outcome (items only). */
  readonly o?: string;
  /** The value found, as found. */
  readonly a?: unknown;
  /** The values of a multi-condition item, in the version's order of names. */
  readonly A?: readonly unknown[];
  /** Requirement text, when it depends on the record or differs from the version's. */
  readonly e?: string;
  /** Missing fields (an `unknown` item). */
  readonly m?: readonly string[];
  /** Id and label, when they differ from the version's item at this position (items) or are not the version's (warnings). */
  readonly i?: string;
  readonly l?: { readonly zh: string; readonly en: string };
}

/** The stored form of a verdict, under the item's `verdict` attribute. */
export interface CompactVerdict {
  /** Rule-set version. */
  readonly v: number;
  readonly o: string;
  /** Outcome label, only when it is not the version's. */
  readonly L?: { readonly zh: string; readonly en: string };
  readonly t: readonly CompactItem[];
  readonly r: readonly string[];
  readonly m: readonly string[];
  readonly w: readonly CompactItem[];
  readonly f?: Readonly<Record<string, number | null>>;
}

/** What the sort key and the top-level attributes give back. */
export interface VerdictIdentity {
  readonly subjectType: SubjectType;
  readonly subjectId: string;
  readonly ruleSetId: string;
  readonly year: number;
  readonly determinationId: string;
}

const sameText = (a: { zh: string; en: string } | undefined, b: { zh: string; en: string }) => a !== undefined && a.zh === b.zh && a.en === b.en;

function compactValue(actual: unknown, names: readonly string[] | null): Pick<CompactItem, 'a' | 'A'> {
  if (names === null || typeof actual !== 'object' || actual === null || Array.isArray(actual)) return { a: actual };
  const keys = Object.keys(actual);
  if (keys.length !== names.length || keys.some((key, i) => key !== names[i])) return { a: actual };
  return { A: keys.map((key) => (actual as Record<string, unknown>)[key]) };
}

/** An item is matched to its version's by position, and keeps its id only when it differs; a warning (only the fired ones are listed) always keeps it. */
function compactItem(item: VerdictItem | VerdictWarning, texts: ItemTexts | undefined, outcome: string | undefined): CompactItem {
  const own = texts !== undefined && texts.id === item.id;
  const keepId = !own || outcome === undefined;
  return {
    ...(outcome !== undefined ? { o: outcome } : {}),
    ...compactValue(item.actual, own ? texts.actualNames : null),
    ...(own && texts.expected !== null && texts.expected === item.expected ? {} : { e: item.expected }),
    ...('missing' in item && item.missing !== undefined ? { m: item.missing } : {}),
    ...(keepId ? { i: item.id } : {}),
    ...(own && sameText(texts.label, item.label) ? {} : { l: item.label }),
  };
}

/** The stored form, or null when the verdict is not one of these texts (then it is stored whole). */
export function compactVerdict(verdict: Verdict, texts: VerdictTexts): CompactVerdict | null {
  if (verdict.ruleSetId !== texts.ruleSetId || verdict.ruleSetVersion !== texts.ruleSetVersion || verdict.year !== texts.year) return null;
  const compact: CompactVerdict = {
    v: verdict.ruleSetVersion,
    o: verdict.outcome,
    ...(sameText(texts.outcomeLabels[verdict.outcome], verdict.outcomeLabel) ? {} : { L: verdict.outcomeLabel }),
    t: verdict.items.map((item, index) => compactItem(item, texts.items[index], item.outcome)),
    r: verdict.reasons,
    m: verdict.missing,
    w: verdict.warnings.map((warning) => compactItem(warning, texts.warnings.get(warning.id), undefined)),
    ...(verdict.figures !== undefined ? { f: verdict.figures } : {}),
  };
  // The promise is byte-identical output: a verdict that would not come back exactly is kept whole.
  try {
    return JSON.stringify(restoreVerdict(compact, verdict, texts)) === JSON.stringify(verdict) ? compact : null;
  } catch {
    return null;
  }
}

function restoredText(stored: string | undefined, texts: ItemTexts | undefined, what: string): string {
  if (stored !== undefined) return stored;
  if (texts?.expected == null) throw new StoreReadError(`a stored verdict's ${what} has no requirement text, and its rule-set version gives none`);
  return texts.expected;
}

function restoredValue(item: CompactItem, texts: ItemTexts | undefined): unknown {
  if (item.A === undefined) return item.a ?? null;
  const names = texts?.actualNames;
  if (!names || names.length !== item.A.length) throw new StoreReadError('a stored verdict holds values its rule-set version does not name');
  return Object.fromEntries(names.map((name, i) => [name, item.A![i] ?? null]));
}

function restoredItem(item: CompactItem, texts: ItemTexts | undefined, what: string): { id: string; label: { zh: string; en: string } } {
  const id = item.i ?? texts?.id;
  const label = item.l ?? texts?.label;
  if (id === undefined || label === undefined) throw new StoreReadError(`a stored verdict's ${what} is not an item of its rule-set version`);
  return { id, label };
}

/** The verdict as judged, from its stored form and its version's texts; the member order is `explainVerdict`'s. */
export function restoreVerdict(stored: CompactVerdict, identity: VerdictIdentity, texts: VerdictTexts): Verdict {
  const items: VerdictItem[] = stored.t.map((item, index) => {
    const own = texts.items[index];
    const { id, label } = restoredItem(item, own, `item ${index}`);
    const base = { id, outcome: item.o as VerdictItem['outcome'], label, actual: restoredValue(item, own), expected: restoredText(item.e, own, `item ${id}`) };
    return item.m !== undefined ? { ...base, missing: item.m } : base;
  });
  const warnings: VerdictWarning[] = stored.w.map((warning) => {
    const own = warning.i === undefined ? undefined : texts.warnings.get(warning.i);
    const { id, label } = restoredItem(warning, own, 'warning');
    return { id, label, actual: restoredValue(warning, own), expected: restoredText(warning.e, own, `warning ${id}`) };
  });
  const outcomeLabel = stored.L ?? texts.outcomeLabels[stored.o];
  if (outcomeLabel === undefined) throw new StoreReadError(`a stored verdict's outcome ${stored.o} has no label in its rule-set version`);
  return {
    subjectType: identity.subjectType,
    subjectId: identity.subjectId,
    ruleSetId: identity.ruleSetId,
    ruleSetVersion: stored.v,
    year: identity.year,
    outcome: stored.o,
    outcomeLabel,
    items,
    reasons: stored.r,
    missing: stored.m,
    warnings,
    ...(stored.f !== undefined ? { figures: stored.f } : {}),
    determinationId: identity.determinationId,
  };
}
