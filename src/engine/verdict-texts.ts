import { actualNamesOf, fixedRequirementOf } from './explain-item.js';
import type { PreparedItem, PreparedRuleSet } from './prepare-rule-set.js';
import type { LocalizedText } from './verdict.js';

/** What a verdict repeats of one item or warning of its rule-set version, for one year. */
export interface ItemTexts {
  readonly id: string;
  readonly label: LocalizedText;
  /** The requirement text when it does not depend on the record, else null. */
  readonly expected: string | null;
  /** The names of a multi-condition item's facts in `actual`, in order; null for a one-condition item. */
  readonly actualNames: readonly string[] | null;
}

/**
 * Everything a verdict of one rule-set version and year holds that the version itself decides:
 * the outcome labels, and per item its id, label and (when fixed) requirement text. A stored
 * verdict refers to these instead of repeating them, and a reader restores them from the
 * pinned version: published versions never change, so the texts never drift.
 */
export interface VerdictTexts {
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly year: number;
  readonly outcomeLabels: Readonly<Record<string, LocalizedText>>;
  /** In the order a verdict lists its items (every item, always). */
  readonly items: readonly ItemTexts[];
  /** By id: a verdict lists only the warnings that fired. */
  readonly warnings: ReadonlyMap<string, ItemTexts>;
}

const textsOf = (item: PreparedItem): ItemTexts => ({
  id: item.id,
  label: item.label,
  expected: fixedRequirementOf(item),
  actualNames: actualNamesOf(item),
});

/**
 * The verdict texts of a rule set bound to a year, exactly as `explainVerdict` writes them into
 * every verdict it explains with that prepared rule set.
 */
export function verdictTexts(prepared: PreparedRuleSet): VerdictTexts {
  const { ruleSet } = prepared;
  return {
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    year: prepared.year,
    outcomeLabels: ruleSet.outcomeLabels,
    items: prepared.items.map(textsOf),
    warnings: new Map(prepared.warnings.map((warning) => [warning.id, textsOf(warning)])),
  };
}
