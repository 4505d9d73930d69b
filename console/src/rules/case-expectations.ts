import type { Json, JsonObject } from './draft-paths.js';

/** What the draft gave a case, in the terms of an expectation (the validation's `actual`). */
export interface CaseActual {
  readonly outcome: string;
  readonly items: Readonly<Record<string, string>>;
  readonly missing: readonly string[];
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
}

const isObject = (value: Json | undefined): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A case's expectation with the draft's result confirmed in its place: the outcome, and each
 * kind of expectation the case already states (items, missing, reasons, warnings) as the draft
 * gave it. An item the case did not name is added when the draft no longer passes it, so the
 * confirmed case says what changed. Figures, scores and cards are left as written.
 */
export function confirmedExpectation(expected: JsonObject, actual: CaseActual): JsonObject {
  const next: JsonObject = { ...expected, outcome: actual.outcome };
  const items = isObject(expected.items) ? expected.items : null;
  const named = Object.keys(items ?? {});
  const changed = Object.entries(actual.items).filter(([id, outcome]) => outcome !== 'pass' && !named.includes(id));
  if (items !== null || changed.length > 0) {
    next.items = Object.fromEntries([...named.filter((id) => id in actual.items).map((id) => [id, actual.items[id]!] as const), ...changed]);
  }
  if (Array.isArray(expected.missing)) next.missing = [...actual.missing];
  if (Array.isArray(expected.reasons)) next.reasons = [...actual.reasons];
  if (Array.isArray(expected.warnings)) next.warnings = [...actual.warnings];
  return next;
}

/** The cases document with the named cases' expectations confirmed from the draft's results. */
export function confirmCases(cases: JsonObject, actuals: ReadonlyMap<string, CaseActual>): JsonObject {
  const list = Array.isArray(cases.cases) ? cases.cases : [];
  return {
    ...cases,
    cases: list.map((entry) => {
      if (!isObject(entry) || typeof entry.name !== 'string' || !isObject(entry.expected)) return entry;
      const actual = actuals.get(entry.name);
      return actual ? { ...entry, expected: confirmedExpectation(entry.expected, actual) } : entry;
    }),
  };
}

/** The cases document travelling with a draft, named for the draft's id and version. */
export function casesFor(cases: JsonObject, draft: JsonObject): JsonObject {
  return cases.ruleSetId === draft.id && cases.version === draft.version ? cases : { ...cases, ruleSetId: draft.id ?? null, version: draft.version ?? null };
}
