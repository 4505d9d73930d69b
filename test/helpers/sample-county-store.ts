import { fileURLToPath } from 'node:url';
import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import { readReviewedCases } from '../../src/adapters/file/rule-set-files.js';
import { createMemoryStores } from '../../src/adapters/memory/memory-stores.js';
import { StoreRuleSetSource } from '../../src/adapters/rule-sets/store-rule-set-source.js';
import { REVIEWED_RULES_DIR } from '../../src/composition/composition-root.js';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import type { Stores } from '../../src/ports/stores.js';
import { importDataset } from '../../src/use-cases/import/import-dataset.js';
import { runNightly } from '../../src/use-cases/nightly/run-nightly.js';
import { createScoringContext } from '../../src/use-cases/scoring-context.js';
import { seedRuleSets } from '../../src/use-cases/seed-rule-sets.js';
import { repositoryRuleSets } from './repository-rule-sets.js';

export const SAMPLE_COUNTY = fileURLToPath(new URL('../../data/sample-county', import.meta.url));

/** A nightly run of `quarter` with the versions the store has in force: its verdicts carry their versions. */
export async function runWithStoredRuleSets(stores: Stores, quarter: string, runId: string) {
  const context = createScoringContext(await new StoreRuleSetSource(stores.ruleSets).inForce(quarter), quarter, EVALUATORS.compiled);
  return runNightly(stores, context, { runId, now: () => new Date('2026-11-30T08:00:00Z') });
}

/**
 * In-memory stores as policy staff find them in the sample county: its records imported, the
 * reviewed rule sets published with their reviewed scenario cases (as `seedRuleSets` does
 * for `tuopin serve`), and a nightly run of 2018Q4 judged with them.
 */
export async function sampleCountyStores(options: { allowSelfApproval?: boolean } = {}): Promise<Stores> {
  const stores = createMemoryStores(options);
  await importDataset(stores, await readDatasetFolder(SAMPLE_COUNTY));
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'), (id, version) => readReviewedCases(REVIEWED_RULES_DIR, id, version));
  await runWithStoredRuleSets(stores, '2018Q4', 'before');
  return stores;
}
