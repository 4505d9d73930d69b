import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDynamoClient } from '../src/adapters/dynamodb/dynamo-client.js';
import { createDynamoStores } from '../src/adapters/dynamodb/dynamo-stores.js';
import { startEmbeddedDynamo } from '../src/adapters/dynamodb/embedded-store.js';
import { ensureTable } from '../src/adapters/dynamodb/table-definition.js';
import type { ItemEvaluator } from '../src/engine/item-evaluator.js';
import type { RuleSet } from '../src/engine/rule-set-schema.js';
import type { Dataset } from '../src/records/dataset.js';
import type { Household } from '../src/records/records.js';
import type { StandardId } from '../src/standards/standard-ids.js';
import { importDataset } from '../src/use-cases/import-dataset.js';
import { runNightly } from '../src/use-cases/run-nightly.js';
import { createScoringContext } from '../src/use-cases/scoring-context.js';
import { timedEvaluator } from './timed-evaluator.js';

export interface NightlyMeasure {
  readonly wallSeconds: number;
  readonly stageSeconds: Readonly<Record<string, number>>;
  readonly writes: { verdicts: number; scores: number; cards: number };
  readonly evaluationSeconds: number;
  readonly evaluationShare: number;
}

export interface EndToEnd {
  readonly households: number;
  readonly importSeconds: number;
  readonly importedItems: number;
  readonly first: NightlyMeasure;
  readonly rerun: NightlyMeasure;
}

async function nightly(stores: ReturnType<typeof createDynamoStores>, ruleSets: Record<StandardId, RuleSet>, quarter: string, evaluator: ItemEvaluator, runId: string, log: (line: string) => void): Promise<NightlyMeasure> {
  const timed = timedEvaluator(evaluator);
  const start = performance.now();
  let lastLog = 0;
  const run = await runNightly(stores, createScoringContext(ruleSets, quarter, timed), {
    runId,
    now: () => new Date(),
    onProgress: (p) => {
      if (p.elapsedSeconds - lastLog >= 10 || p.villagesDone === p.villagesTotal) {
        lastLog = p.elapsedSeconds;
        log(`  ${runId}: villages ${p.villagesDone}/${p.villagesTotal}, ${Math.round(p.householdsDone / Math.max(p.elapsedSeconds, 0.001))} households/s`);
      }
    },
  });
  const wallSeconds = (performance.now() - start) / 1000;
  return { wallSeconds, stageSeconds: run.stageSeconds, writes: run.writes, evaluationSeconds: timed.seconds(), evaluationShare: timed.seconds() / wallSeconds };
}

/**
 * The nightly run on the embedded store, from an empty folder: import, a first run, and a
 * re-run over the unchanged data (which must write no verdict).
 */
export async function measureEndToEnd(dataset: Dataset, households: AsyncIterable<Household>, ruleSets: Record<StandardId, RuleSet>, quarter: string, evaluator: ItemEvaluator, log: (line: string) => void): Promise<EndToEnd> {
  const dir = await mkdtemp(join(tmpdir(), 'tuopin-bench-'));
  const server = await startEmbeddedDynamo({ dir });
  const client = createDynamoClient({ endpoint: server.endpoint });
  try {
    await ensureTable(client, 'tuopin');
    const stores = createDynamoStores({ client, tableName: 'tuopin' });
    const start = performance.now();
    const imported = await importDataset(stores, dataset, households);
    const importSeconds = (performance.now() - start) / 1000;
    log(`  imported in ${importSeconds.toFixed(1)} s`);
    const importedItems = imported.counties + imported.townships + imported.villages + imported.units + imported.households + imported.cards;
    const first = await nightly(stores, ruleSets, quarter, evaluator, 'first', log);
    const rerun = await nightly(stores, ruleSets, quarter, evaluator, 'rerun', log);
    return { households: imported.households, importSeconds, importedItems, first, rerun };
  } finally {
    client.destroy();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
