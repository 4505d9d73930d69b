import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import { ScenarioFileSchema } from '../../src/use-cases/scenarios/scenario-cases.js';
import { runScenarioCases } from '../../src/use-cases/scenarios/run-scenario-cases.js';
import { createScoringContext } from '../../src/use-cases/scoring-context.js';
import { repositoryRuleSets, ruleSetsFor } from '../helpers/repository-rule-sets.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(join(here, entry.name)).filter((f) => f.endsWith('.cases.json')).map((f) => join(here, entry.name, f)));

describe.each(files)('%s', (file) => {
  const scenarios = ScenarioFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

  it('has both passing and failing cases', () => {
    const outcomes = new Set(scenarios.cases.map((c) => c.expected.outcome));
    expect(outcomes.size).toBeGreaterThan(1);
  });

  describe.each(Object.values(EVALUATORS))('with the $name evaluator', (evaluator) => {
    it.each(scenarios.cases.map((c) => [c.name, c] as const))('%s', async (name) => {
      const versions = await repositoryRuleSets();
      const underTest = versions.find((v) => v.id === scenarios.ruleSetId && v.version === scenarios.version);
      expect(underTest, `rules/${scenarios.ruleSetId}/v${scenarios.version}.json exists`).toBeDefined();
      const ruleSets = await ruleSetsFor('2020-12-31', [underTest!]);
      const single = { ...scenarios, cases: scenarios.cases.filter((c) => c.name === name) };
      const [result] = await runScenarioCases(single, (year) => createScoringContext(ruleSets, `${year}Q4`, evaluator));
      expect(result!.differences).toEqual([]);
    });
  });
});
