import { RuleSetNotFoundError } from '../../engine/errors.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { RuleSetsByStandard } from '../../ports/rule-set-source.js';
import { STANDARD_IDS } from '../../standards/standard-ids.js';
import { selectVersionInForce } from '../../engine/load-rule-set.js';

/** For each of the six standards, the version in force on the as-of date: the one rule every source follows. */
export function ruleSetsInForce(versions: readonly RuleSet[], asOf: string): RuleSetsByStandard {
  const chosen = {} as RuleSetsByStandard;
  for (const id of STANDARD_IDS) {
    const candidates = versions.filter((v) => v.id === id);
    if (candidates.length === 0) throw new RuleSetNotFoundError(id, 'no version is published');
    chosen[id] = selectVersionInForce(candidates, asOf);
  }
  return chosen;
}

/** For each of the six standards, exactly the version asked for, from those given. */
export async function pinnedRuleSets(versions: Readonly<Record<string, number>>, find: (id: string, version: number) => Promise<RuleSet | null>): Promise<RuleSetsByStandard> {
  const loaded = await Promise.all(
    STANDARD_IDS.map(async (id) => {
      const version = versions[id];
      if (version === undefined) throw new RuleSetNotFoundError(id, 'the run pinned no version of it');
      const found = await find(id, version);
      if (!found) throw new RuleSetNotFoundError(id, `version ${version} is not published`);
      return [id, found] as const;
    }),
  );
  return Object.fromEntries(loaded) as RuleSetsByStandard;
}
