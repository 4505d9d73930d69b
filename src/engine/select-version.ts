import { RuleSetNotFoundError } from './errors.js';
import type { RuleSet } from './rule-set-schema.js';

/**
 * The version in force on an as-of date: the one with the latest `effectiveFrom` on or before
 * it; between versions effective the same day, the higher version number.
 */
export function selectVersionInForce<T extends Pick<RuleSet, 'id' | 'version' | 'effectiveFrom'>>(versions: readonly T[], asOf: string): T {
  let best: T | undefined;
  for (const candidate of versions) {
    if (candidate.effectiveFrom > asOf) continue;
    if (
      !best ||
      candidate.effectiveFrom > best.effectiveFrom ||
      (candidate.effectiveFrom === best.effectiveFrom && candidate.version > best.version)
    ) {
      best = candidate;
    }
  }
  if (!best) throw new RuleSetNotFoundError(versions[0]?.id ?? 'unknown', `no version is in force on ${asOf}`);
  return best;
}
