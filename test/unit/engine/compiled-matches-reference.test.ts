import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConditionTypes } from '../../../src/engine/check-condition-types.js';
import { OPERATORS, type Condition, type LeafCondition } from '../../../src/engine/condition-schema.js';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import { RuleSetSchema } from '../../../src/engine/rule-set-schema.js';
import { factValue, path } from './json-like-arbitraries.js';
import { buildRuleSet, factsOf } from './rule-set-builder.js';
import { runCompiled, runReference } from './run-both-evaluators.js';

// Fact names include Object.prototype members, so reading a fact that is not given must not
// find an inherited function. `__proto__` is only ever referenced, never given (see the report:
// json-rules-engine mangles a given `__proto__` fact).
const GIVEN_FACTS = ['a', 'b', 'c', 'constructor', 'toString'] as const;
const REFERENCED_FACTS = [...GIVEN_FACTS, '__proto__'];

/** Every kind of parameter value a rule set may hold, so `{param}` resolves to each. */
const PARAMETERS = {
  line: { byYear: { '2018': 3 } },
  region: { byRegion: { west: 1, central: 2, east: 3 } },
  list: ['a', 1, true, 'abc'],
  nested: [[1], 'a', null],
  text: 'abc',
  number: 2,
  flag: false,
  nothing: null,
  object: { x: 1 },
  reference: { fact: 'a', path: '$.x' },
  plainReference: { fact: 'b' },
};

// Literals: whatever ConditionValueSchema accepts (zod refuses NaN and infinities; null comes
// only from a parameter).
const literal = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, 3, -1, 0.5, 1e21),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', 'a', 'b', 'abc', '1', '2', '12abc', ' 2', 'Infinity', '[object Object]'),
  fc.boolean(),
);

const conditionValue = fc.oneof(
  { arbitrary: literal, weight: 4 },
  { arbitrary: fc.array(literal, { maxLength: 4 }), weight: 2 },
  { arbitrary: fc.record({ fact: fc.constantFrom(...REFERENCED_FACTS), path }, { requiredKeys: ['fact'] }), weight: 2 },
  { arbitrary: fc.constantFrom(...Object.keys(PARAMETERS)).map((param) => ({ param })), weight: 2 },
);

const leaf: fc.Arbitrary<LeafCondition> = fc.record(
  { fact: fc.constantFrom(...REFERENCED_FACTS), operator: fc.constantFrom(...OPERATORS), value: conditionValue, path },
  { requiredKeys: ['fact', 'operator', 'value'] },
);

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'condition' },
    { arbitrary: leaf, weight: 3 },
    { arbitrary: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })), weight: 1 },
    { arbitrary: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })), weight: 1 },
    { arbitrary: tie('condition').map((not) => ({ not })), weight: 1 },
  ),
}));

// A fact is absent, undefined, null or any value.
const factValues = fc.record(Object.fromEntries(GIVEN_FACTS.map((name) => [name, factValue])), { requiredKeys: [] });

/** Whether some object inside has data where JavaScript's coercion looks for a method. */
function hasCoercionTrap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.hasOwn(value, 'toString') || Object.hasOwn(value, 'valueOf')) return true;
  return Object.values(value).some(hasCoercionTrap);
}

const ruleSetConditions = fc.record({
  items: fc.array(condition, { minLength: 1, maxLength: 3 }),
  warnings: fc.array(condition, { maxLength: 2 }),
});

describe('compiled evaluator against the reference', () => {
  it('gives the reference outcomes (or throws where it rejects) for arbitrary rule sets and fact maps', async () => {
    const seen = { pass: 0, fail: 0, unknown: 0, threw: 0 };
    await fc.assert(
      fc.asyncProperty(ruleSetConditions, fc.array(factValues, { minLength: 1, maxLength: 6 }), async ({ items, warnings }, factMaps) => {
        const ruleSet = buildRuleSet(items, { warnings, parameters: PARAMETERS });
        expect(RuleSetSchema.safeParse(ruleSet).success).toBe(true);
        const prepared = prepareRuleSet(ruleSet, 2018);
        const accepted = checkConditionTypes(prepared).length === 0;
        for (const values of factMaps) {
          const facts = factsOf(values);
          const compiled = runCompiled(prepared, facts);
          expect(compiled).toEqual(await runReference(prepared, facts));
          // What checkConditionTypes accepts throws only on data that breaks coercion itself.
          if ('threw' in compiled && accepted) expect(hasCoercionTrap(values)).toBe(true);
          if ('threw' in compiled) seen.threw += 1;
          else compiled.outcomes.forEach((o) => (seen[o] += 1));
        }
      }),
      { numRuns: 3000 },
    );
    // The generators must reach every outcome, and the rejecting runs, to prove anything.
    expect(seen.pass).toBeGreaterThan(100);
    expect(seen.fail).toBeGreaterThan(100);
    expect(seen.unknown).toBeGreaterThan(100);
    expect(seen.threw).toBeGreaterThan(10);
  });
});
