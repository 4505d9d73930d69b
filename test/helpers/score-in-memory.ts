import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import { createMemoryStores } from '../../src/adapters/memory/memory-stores.js';
import type { ItemEvaluator } from '../../src/engine/evaluators.js';
import { lastDayOfQuarter } from '../../src/kernel/quarter.js';
import { createScoringContext } from '../../src/use-cases/scoring-context.js';
import { scoreDataset } from '../../src/use-cases/scoring/score-dataset.js';
import { ruleSetsFor } from './repository-rule-sets.js';

/** Runs the whole pipeline on a dataset folder with in-memory stores and a fixed clock. */
export async function scoreFolderInMemory(folder: string, quarter: string, evaluator: ItemEvaluator) {
  const context = createScoringContext(await ruleSetsFor(lastDayOfQuarter(quarter)), quarter, evaluator);
  const dataset = await readDatasetFolder(folder);
  const stores = createMemoryStores();
  const result = await scoreDataset(stores, context, dataset, { runId: 'test-run', now: () => new Date('2026-01-01T00:00:00Z') });
  return { dataset, stores, context, ...result };
}
