import type { RuleSetsByStandard, RuleSetSource } from '../../ports/rule-set-source.js';
import { canonicalJson } from '../../kernel/canonical-json.js';

export interface CachingOptions {
  /** How long the versions in force are trusted before the source is asked again (Infinity: for good). */
  readonly maxAgeMs: number;
  /** Milliseconds since the epoch; injectable so tests move time. */
  readonly now: () => number;
}

/**
 * A source in front of another that remembers its answers: what a Lambda container keeps
 * between warm starts and what the CLI reads once per run. The versions in force for a quarter
 * are kept at most `maxAgeMs` (60 s in the functions), so a version published by policy staff
 * is used within a minute; exact versions pinned by a run never change once published and are
 * kept. A cached answer is the same object each time, so what is built from it (a scoring
 * context) can be kept with it. A failed read is forgotten, so the next call tries again.
 */
export class CachingRuleSetSource implements RuleSetSource {
  private readonly inForceByQuarter = new Map<string, { loadedAt: number; ruleSets: Promise<RuleSetsByStandard> }>();
  private readonly pinnedByVersions = new Map<string, Promise<RuleSetsByStandard>>();

  constructor(
    private readonly inner: RuleSetSource,
    private readonly options: CachingOptions,
  ) {}

  inForce(quarter: string): Promise<RuleSetsByStandard> {
    const now = this.options.now();
    const cached = this.inForceByQuarter.get(quarter);
    if (cached && now - cached.loadedAt < this.options.maxAgeMs) return cached.ruleSets;
    const ruleSets = this.inner.inForce(quarter);
    this.remember(this.inForceByQuarter, quarter, { loadedAt: now, ruleSets }, ruleSets);
    return ruleSets;
  }

  pinned(versions: Readonly<Record<string, number>>): Promise<RuleSetsByStandard> {
    const key = canonicalJson(versions);
    const cached = this.pinnedByVersions.get(key);
    if (cached) return cached;
    const ruleSets = this.inner.pinned(versions);
    this.remember(this.pinnedByVersions, key, ruleSets, ruleSets);
    return ruleSets;
  }

  /** Caches a pending load, and forgets it if it fails. */
  private remember<V>(map: Map<string, V>, key: string, value: V, pending: Promise<unknown>): void {
    map.set(key, value);
    pending.catch(() => {
      if (map.get(key) === value) map.delete(key);
    });
  }
}
