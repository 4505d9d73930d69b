import { canonicalJson } from '../../src/kernel/canonical-json.js';
import { RuleSetNotFoundError } from '../../src/engine/errors.js';
import type { ItemEvaluator } from '../../src/engine/evaluators.js';
import { lastDayOfQuarter } from '../../src/kernel/quarter.js';
import type { RuleSet } from '../../src/engine/rule-set-schema.js';
import type { RuleSetStore } from '../../src/ports/stores.js';
import { STANDARD_IDS, type StandardId } from '../../src/standards/standard-ids.js';
import { checkedStoredRuleSet, ruleSetsFromStore } from '../../src/use-cases/rule-sets-from-store.js';
import { createScoringContext, type ScoringContext } from '../../src/use-cases/scoring-context.js';

export interface RuleSetCacheOptions {
  readonly evaluator: ItemEvaluator;
  /** Milliseconds since the epoch; injectable so tests move time. */
  readonly now?: () => number;
  /** How long the versions in force are trusted before the store is asked again. */
  readonly maxAgeMs?: number;
}

/**
 * Scoring contexts from the rule-set store, per container. The versions in force for a quarter
 * are cached at most `maxAgeMs` (60 s), so a version published by policy staff is used within
 * a minute; exact versions pinned by a run never change once published and are kept.
 */
export class RuleSetCache {
  private readonly inForce = new Map<string, { loadedAt: number; context: Promise<ScoringContext> }>();
  private readonly pinned = new Map<string, Promise<ScoringContext>>();
  private readonly now: () => number;
  private readonly maxAgeMs: number;

  constructor(
    private readonly store: RuleSetStore,
    private readonly options: RuleSetCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  /** The context of the versions in force on the quarter's last day. */
  contextFor(quarter: string): Promise<ScoringContext> {
    const now = this.now();
    const cached = this.inForce.get(quarter);
    if (cached && now - cached.loadedAt < this.maxAgeMs) return cached.context;
    const context = ruleSetsFromStore(this.store, lastDayOfQuarter(quarter)).then((ruleSets) => this.bind(ruleSets, quarter));
    this.remember(this.inForce, quarter, { loadedAt: now, context }, () => context);
    return context;
  }

  /** The context of exactly these versions (a run's pinned `ruleSetVersions`). */
  pinnedContext(versions: Readonly<Record<string, number>>, quarter: string): Promise<ScoringContext> {
    const key = `${quarter} ${canonicalJson(versions)}`;
    const cached = this.pinned.get(key);
    if (cached) return cached;
    const context = this.loadVersions(versions).then((ruleSets) => this.bind(ruleSets, quarter));
    this.remember(this.pinned, key, context, () => context);
    return context;
  }

  private bind(ruleSets: Record<StandardId, RuleSet>, quarter: string): ScoringContext {
    return createScoringContext(ruleSets, quarter, this.options.evaluator);
  }

  private async loadVersions(versions: Readonly<Record<string, number>>): Promise<Record<StandardId, RuleSet>> {
    const loaded = await Promise.all(
      STANDARD_IDS.map(async (id) => {
        const version = versions[id];
        if (version === undefined) throw new RuleSetNotFoundError(id, 'the run pinned no version of it');
        const published = await this.store.getVersion(id, version);
        if (!published) throw new RuleSetNotFoundError(id, `version ${version} is not published`);
        return [id, checkedStoredRuleSet(id, published, version)] as const;
      }),
    );
    return Object.fromEntries(loaded) as Record<StandardId, RuleSet>;
  }

  /** Caches a pending load, and forgets it if it fails so the next call tries again. */
  private remember<V>(map: Map<string, V>, key: string, value: V, promiseOf: () => Promise<unknown>): void {
    map.set(key, value);
    promiseOf().catch(() => {
      if (map.get(key) === value) map.delete(key);
    });
  }
}
