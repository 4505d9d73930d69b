import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import { RuleSetConflictError } from '../../../../src/engine/errors.js';
import type { Verdict } from '../../../../src/engine/verdict.js';
import type { Stores } from '../../../../src/ports/stores.js';
import { seedRuleSets } from '../../../../src/use-cases/seed-rule-sets.js';
import { publishRuleSet } from '../../../../src/use-cases/rule-publishing/publish-rule-set.js';
import { casesOf } from '../../../../src/use-cases/rule-publishing/published-entry.js';
import { rollbackRuleSet } from '../../../../src/use-cases/rule-publishing/rollback-rule-set.js';
import { findStoredRuns } from '../../../../src/use-cases/rule-publishing/stored-runs.js';
import type { ScoredDataset } from '../../../../src/use-cases/scoring/score-dataset.js';
import { useDynalite } from '../../../helpers/dynalite.js';
import { repositoryRuleSets } from '../../../helpers/repository-rule-sets.js';
import { draft, draftCases, exampleDataset, gateInput, NOW, repositoryCases, scoreQuarter, storeWithExampleRun } from './publishing-fixtures.js';

const dynalite = useDynalite();

const BACKENDS: readonly { name: string; stores: () => Promise<Stores> }[] = [
  { name: 'memory', stores: async () => createMemoryStores() },
  { name: 'dynalite', stores: () => dynalite.freshStores() },
];

const exitVerdicts = (run: ScoredDataset): Verdict[] => run.output.verdicts.filter((v) => v.ruleSetId === 'household-exit');
const outcomes = (run: ScoredDataset) => new Map(exitVerdicts(run).map((v) => [v.subjectId, v.outcome]));

/** The years the CLI passes the gate: those of the runs the store holds. */
async function storedYears(stores: Stores): Promise<readonly number[]> {
  return (await findStoredRuns(stores.runs, await repositoryRuleSets())).years;
}

describe.each(BACKENDS)('a new household-exit line, published and rolled back with no code change ($name store)', ({ stores: open }) => {
  let stores: Stores;
  let first: ScoredDataset;
  let between: Set<string>;

  beforeAll(async () => {
    stores = await open();
    first = await storeWithExampleRun(stores);
    const income = new Map((await exampleDataset()).households.map((h) => [h.householdId, h.incomePerCapita]));
    // The households the new line must turn from pass to fail: income above 3535 and at most 4200, passing otherwise.
    between = new Set(
      exitVerdicts(first)
        .filter((v) => v.outcome === 'pass')
        .map((v) => v.subjectId)
        .filter((id) => (income.get(id) ?? 0) > 3535 && (income.get(id) ?? 0) <= 4200),
    );
  });

  it('scores 2018Q3 with version 1 first, with households between the two lines passing', () => {
    expect(first.run.ruleSetVersions['household-exit']).toBe(1);
    expect(between.size).toBeGreaterThan(0);
  });

  it('turns exactly the households between 3535 and 4200 from pass to fail once v2 is published, judged by version 2', async () => {
    const outcome = await publishRuleSet(
      stores,
      { ...(await gateInput(draft('household-exit-v2'), draftCases('household-exit-v2'), { years: await storedYears(stores) })), author: '王芳', note: '2018 line 4200', acceptImpact: true },
      NOW,
    );
    expect(outcome.status).toBe('published');
    expect(outcome.report.preview?.totals.households.changed).toBe(between.size);
    expect(casesOf((await stores.ruleSets.getVersion('household-exit', 2))!)?.cases).toHaveLength(48);

    const second = await scoreQuarter(stores, '2018Q3', 'run-2018Q3-2');
    expect(second.run.ruleSetVersions['household-exit']).toBe(2);
    const before = outcomes(first);
    const changed = [...outcomes(second)].filter(([id, after]) => before.get(id) !== after);
    expect(new Set(changed.map(([id]) => id))).toEqual(between);
    expect(changed.every(([, after]) => after === 'fail')).toBe(true);
    expect(exitVerdicts(second).filter((v) => between.has(v.subjectId)).map((v) => v.ruleSetVersion)).toEqual([...between].map(() => 2));
  });

  it('restores the original outcomes after a rollback to version 1, judged by version 3', async () => {
    const outcome = await rollbackRuleSet(
      stores,
      {
        ...(await gateInput(null, null, { years: await storedYears(stores) })),
        ruleSetId: 'household-exit',
        to: 1,
        cases: repositoryCases('household-exit', 1),
        author: '李明',
        note: 'the province withdrew the 4200 line',
        acceptImpact: true,
      },
      NOW,
    );
    expect(outcome.status).toBe('published');
    const third = await scoreQuarter(stores, '2018Q3', 'run-2018Q3-3');
    expect(third.run.ruleSetVersions['household-exit']).toBe(3);
    expect(outcomes(third)).toEqual(outcomes(first));
    expect(new Set(exitVerdicts(third).map((v) => v.ruleSetVersion))).toEqual(new Set([3]));
  });
});

describe.each(BACKENDS)('two publishers racing for the same version ($name store)', ({ stores: open }) => {
  it('end with exactly one version published and a conflict for the other', async () => {
    const stores = await open();
    await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), NOW);
    const attempt = async (author: string) =>
      publishRuleSet(stores, { ...(await gateInput(draft('household-exit-v2'), draftCases('household-exit-v2'))), author, note: 'race', acceptImpact: true }, NOW);
    const settled = await Promise.allSettled([attempt('王芳'), attempt('李明')]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    expect(settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []))).toEqual([expect.any(RuleSetConflictError)]);
    const stored = await stores.ruleSets.listVersions('household-exit');
    expect(stored.map((v) => v.ruleSet.version)).toEqual([1, 2]);
  });
});
