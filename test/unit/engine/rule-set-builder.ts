import type { Condition } from '../../../src/engine/condition-schema.js';
import type { Facts } from '../../../src/engine/facts.js';
import { prepareRuleSet, type PreparedRuleSet } from '../../../src/engine/prepare-rule-set.js';
import { parameterInfoFor } from '../../helpers/builders.js';
import { RuleSetSchema, type RuleSet, type RuleSetInput } from '../../../src/engine/rule-set-schema.js';

const label = { zh: '条件', en: 'condition' };

/** An item of a test rule set. */
export function item(conditions: Condition, id: string): RuleSetInput['items'][number] {
  return { id, label, conditions };
}

/**
 * A valid rule set around the given items (and warnings), validated with RuleSetSchema so a
 * test never runs on a rule set the loader would refuse. Items are `i0`, `i1`…, warnings `w0`…
 */
export function buildRuleSet(
  conditions: readonly Condition[],
  options: { warnings?: readonly Condition[]; parameters?: RuleSetInput['parameters'] } = {},
): RuleSet {
  const input: RuleSetInput = {
    id: 'test-rules',
    version: 1,
    effectiveFrom: '2014-01-01',
    subjectType: 'household',
    description: label,
    references: ['test'],
    changeNote: 'test',
    parameters: options.parameters ?? {},
    parameterInfo: parameterInfoFor(options.parameters ?? {}),
    items: conditions.map((c, i) => item(c, `i${i}`)),
    warnings: (options.warnings ?? []).map((c, i) => item(c, `w${i}`)),
    decision: { rules: [{ outcome: 'no', when: { some: 'fail' } }], otherwise: 'yes' },
    outcomeLabels: { no: label, yes: label },
  };
  return RuleSetSchema.parse(input);
}

/** `buildRuleSet` prepared for 2018. */
export function prepare(conditions: readonly Condition[], options: Parameters<typeof buildRuleSet>[1] = {}): PreparedRuleSet {
  return prepareRuleSet(buildRuleSet(conditions, options), 2018);
}

/** Facts straight from a value map: `undefined` members stay, unlike FactsBuilder's. */
export function factsOf(values: Record<string, unknown>): Facts {
  return { values, missing: {} };
}
