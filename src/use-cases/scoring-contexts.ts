import type { RuleSetsByStandard, RuleSetSource } from '../ports/rule-set-source.js';
import { createScoringContext, type ScoringContext } from './scoring-context.js';
import { type ItemEvaluator } from '../engine/evaluators.js';

/** Scoring contexts from a rule-set source: the versions in force for a quarter, or a run's pinned versions. */
export interface ScoringContexts {
  /** The context of the versions in force on the quarter's last day. */
  inForce(quarter: string): Promise<ScoringContext>;
  /** The context of exactly these versions (a run's pinned `ruleSetVersions`). */
  pinned(versions: Readonly<Record<string, number>>, quarter: string): Promise<ScoringContext>;
}

/**
 * Binds a source's rule sets to the quarter and the evaluator. Binding compiles every rule set,
 * so a context is kept for as long as its source answers with the same rule sets (a caching
 * source answers with the same object until it reads again).
 */
export function scoringContexts(source: RuleSetSource, evaluator: ItemEvaluator): ScoringContexts {
  const bound = new WeakMap<RuleSetsByStandard, Map<string, ScoringContext>>();
  const bind = (ruleSets: RuleSetsByStandard, quarter: string): ScoringContext => {
    let byQuarter = bound.get(ruleSets);
    if (!byQuarter) bound.set(ruleSets, (byQuarter = new Map()));
    let context = byQuarter.get(quarter);
    if (!context) byQuarter.set(quarter, (context = createScoringContext(ruleSets, quarter, evaluator)));
    return context;
  };
  return {
    inForce: async (quarter) => bind(await source.inForce(quarter), quarter),
    pinned: async (versions, quarter) => bind(await source.pinned(versions), quarter),
  };
}
