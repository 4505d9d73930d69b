import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScenarioFileSchema } from '../../src/use-cases/scenarios/scenario-cases.js';
import { RULES_DIR } from '../helpers/repository-rule-sets.js';

const SCENARIOS_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Outcomes that mean the subject meets (or escapes) what the standard asks, and those that mean it does not. */
const PASSING = new Set(['pass', 'eligible', 'priority', 'stable', 'red-flag', 'none']);
const FAILING = new Set(['fail', 'excluded', 'not-eligible', 'monitor', 'yellow-card']);

const versions = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join(RULES_DIR, entry.name))
      .map((file) => /^v(\d+)\.json$/.exec(file)?.[1])
      .filter((version): version is string => version !== undefined)
      .map((version) => ({ id: entry.name, version: Number(version) })),
  );

describe('every rule-set file', () => {
  it('is found', () => {
    expect(versions.map((v) => v.id)).toEqual(expect.arrayContaining(['household-exit', 'village-exit', 'county-exit', 'identification', 'return-risk', 'accountability']));
  });

  it.each(versions.map((v) => [`rules/${v.id}/v${v.version}.json`, v] as const))(
    '%s has its scenario cases, with a passing and a failing outcome',
    (_name, { id, version }) => {
      const path = join(SCENARIOS_DIR, id, `v${version}.cases.json`);
      expect(existsSync(path), `test/scenarios/${id}/v${version}.cases.json`).toBe(true);
      const file = ScenarioFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      expect({ ruleSetId: file.ruleSetId, version: file.version }).toEqual({ ruleSetId: id, version });
      const outcomes = file.cases.map((c) => c.expected.outcome);
      expect(outcomes.some((o) => PASSING.has(o)), `a passing outcome among ${outcomes.join(', ')}`).toBe(true);
      expect(outcomes.some((o) => FAILING.has(o)), `a failing outcome among ${outcomes.join(', ')}`).toBe(true);
    },
  );
});
