import { fileURLToPath } from 'node:url';
import { readRuleSetFolder } from '../../src/adapters/file/rule-set-files.js';
import type { RuleSet } from '../../src/engine/rule-set-schema.js';
import type { StandardId } from '../../src/standards/standard-ids.js';
import { ruleSetsInForce } from '../../src/adapters/rule-sets/rule-sets-in-force.js';

export const RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

let cached: Promise<RuleSet[]> | undefined;

/** Every rule-set file of the repository, read and checked once per test file. */
export function repositoryRuleSets(): Promise<RuleSet[]> {
  cached ??= readRuleSetFolder(RULES_DIR);
  return cached;
}

/** The repository's versions in force on a date, with some replaced (a version under test). */
export async function ruleSetsFor(asOf: string, replace: readonly RuleSet[] = []): Promise<Record<StandardId, RuleSet>> {
  const inForce = ruleSetsInForce(await repositoryRuleSets(), asOf);
  for (const ruleSet of replace) inForce[ruleSet.id as StandardId] = ruleSet;
  return inForce;
}
