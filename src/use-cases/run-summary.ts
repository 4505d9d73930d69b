import type { Verdict } from '../engine/verdict.js';
import type { RuleSet } from '../engine/rule-set-schema.js';

/** Counts of outcomes per rule set, overall and per county. */
export interface OutcomeCounts {
  readonly total: Record<string, Record<string, number>>;
  readonly byCounty: Record<string, Record<string, Record<string, number>>>;
}

function bump(table: Record<string, Record<string, number>>, ruleSetId: string, outcome: string): void {
  const row = (table[ruleSetId] ??= {});
  row[outcome] = (row[outcome] ?? 0) + 1;
}

/** Tallies verdict outcomes; `countyOf` maps a verdict's subject to its county. */
export class OutcomeTally {
  private readonly total: Record<string, Record<string, number>> = {};
  private readonly byCounty: Record<string, Record<string, Record<string, number>>> = {};

  add(verdict: Pick<Verdict, 'ruleSetId' | 'outcome'>, countyId: string): void {
    bump(this.total, verdict.ruleSetId, verdict.outcome);
    bump((this.byCounty[countyId] ??= {}), verdict.ruleSetId, verdict.outcome);
  }

  /** Sorted keys at every level, so the summary reads the same on every run. */
  counts(): OutcomeCounts {
    const sortTable = (table: Record<string, Record<string, number>>) =>
      Object.fromEntries(Object.keys(table).sort().map((id) => [id, Object.fromEntries(Object.entries(table[id]!).sort(([a], [b]) => (a < b ? -1 : 1)))]));
    return {
      total: sortTable(this.total),
      byCounty: Object.fromEntries(Object.keys(this.byCounty).sort().map((c) => [c, sortTable(this.byCounty[c]!)])),
    };
  }
}

/** `{ "household-exit": 1, … }`: the versions a run used. */
export function versionsUsed(ruleSets: Readonly<Record<string, RuleSet>>): Record<string, number> {
  return Object.fromEntries(Object.keys(ruleSets).sort().map((id) => [id, ruleSets[id]!.version]));
}
