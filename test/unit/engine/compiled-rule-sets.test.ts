import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkConditionTypes } from '../../../src/engine/check-condition-types.js';
import type { Facts } from '../../../src/engine/facts.js';
import { explainVerdict, type Subject } from '../../../src/engine/judge.js';
import { prepareRuleSet, type PreparedRuleSet } from '../../../src/engine/prepare-rule-set.js';
import { RuleSetSchema } from '../../../src/engine/rule-set-schema.js';
import { leafFactsArbitrary } from './leaf-facts-arbitrary.js';
import { runCompiled, runReference } from './run-both-evaluators.js';

/**
 * The fact maps each published rule set is tried on. Swap in a record-level generator here
 * (records → a standard's facts) and every rule set is checked against it.
 */
const factsArbitrary: (prepared: PreparedRuleSet, file: string) => fc.Arbitrary<Facts> = (prepared) => leafFactsArbitrary(prepared);

const FACT_MAPS_PER_RULE_SET = 10_000;
// A batch of fact maps per property run keeps fast-check's per-run overhead small; the
// reference (~0.3 ms a map) dominates the time anyway.
const BATCH = 25;
const YEAR = 2018;
const subject: Subject = { type: 'household', id: 'x' };

const rulesDirectory = fileURLToPath(new URL('../../../rules/', import.meta.url));

interface RuleSetFile {
  readonly file: string;
  readonly json: unknown;
}

/** Every `rules/<id>/v<N>.json`, read now; an unreadable file is kept so its test fails. */
function ruleSetFiles(): RuleSetFile[] {
  if (!existsSync(rulesDirectory)) return [];
  return readdirSync(rulesDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((directory) =>
      readdirSync(`${rulesDirectory}${directory.name}`)
        .filter((name) => /^v\d+\.json$/.test(name))
        .map((name) => `${directory.name}/${name}`),
    )
    .sort()
    .map((file) => {
      try {
        return { file, json: JSON.parse(readFileSync(`${rulesDirectory}${file}`, 'utf8')) as unknown };
      } catch (error) {
        return { file, json: error };
      }
    });
}

function hasItems(json: unknown): boolean {
  const items = (json as { items?: unknown } | null)?.items;
  return !Array.isArray(items) || items.length > 0; // a malformed file counts, so its validation fails
}

const files = ruleSetFiles();
const withItems = files.filter((f) => hasItems(f.json));
const required = Boolean(process.env.TUOPIN_REQUIRE_RULES);

describe('compiled evaluator on the published rule sets', () => {
  // Shown as skipped while rules/ is still being written; a failure once TUOPIN_REQUIRE_RULES says it must be there.
  if (withItems.length === 0) {
    it.skipIf(!required)('finds rule sets with items in rules/ (TUOPIN_REQUIRE_RULES)', () => {
      expect.fail(`rules/ holds no rules/<id>/v<N>.json with items (looked in ${rulesDirectory}); TUOPIN_REQUIRE_RULES requires some`);
    });
  }

  it.each(files.filter((f) => !hasItems(f.json)).map((f) => [f.file, f.json]))('rules/%s has no items to compare, and is a valid rule set', (_file, json) => {
    expect(RuleSetSchema.safeParse(json).error).toBeUndefined();
  });

  it.each(withItems.map((f) => [f.file, f.json]))(`rules/%s has only conditions checkConditionTypes accepts in ${YEAR}`, (_file, json) => {
    expect(checkConditionTypes(prepareRuleSet(RuleSetSchema.parse(json), YEAR))).toEqual([]);
  });

  it.each(withItems.map((f) => [f.file, f.json]))(`rules/%s gives the reference outcomes and explanations on ${FACT_MAPS_PER_RULE_SET} fact maps`, async (file, json) => {
    if (json instanceof Error) throw json;
    const ruleSet = RuleSetSchema.parse(json);
    const prepared = prepareRuleSet(ruleSet, YEAR);
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(factsArbitrary(prepared, file as string), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const references = await Promise.all(batch.map((facts) => runReference(prepared, facts)));
        batch.forEach((facts, index) => {
          const compiled = runCompiled(prepared, facts);
          const reference = references[index]!;
          expect(compiled).toEqual(reference);
          if (!('outcomes' in compiled) || !('outcomes' in reference)) return;
          expect(explainVerdict(prepared, subject, facts, compiled.outcomes)).toEqual(explainVerdict(prepared, subject, facts, reference.outcomes));
          if (!compiled.outcomes.includes('unknown')) decided += 1;
        });
      }),
      { numRuns: FACT_MAPS_PER_RULE_SET / BATCH },
    );
    // Fact maps that decide every item exercise the operators, not only the missing-data path.
    expect(decided).toBeGreaterThan(FACT_MAPS_PER_RULE_SET / 50);
  });
});
