import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../../src/adapters/file/read-dataset-folder.js';
import { JudgedVerdictSpill } from '../../../../src/adapters/memory/judged-verdicts.js';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import { writeRunFiles } from '../../../../src/cli/run/run-files.js';
import { EVALUATORS } from '../../../../src/engine/evaluators.js';
import { lastDayOfQuarter } from '../../../../src/kernel/quarter.js';
import type { Stores } from '../../../../src/ports/stores.js';
import type { VerdictStore } from '../../../../src/ports/verdict-store.js';
import type { Dataset } from '../../../../src/records/dataset.js';
import { streamRun } from '../../../../src/use-cases/export-run.js';
import { createScoringContext, type ScoringContext } from '../../../../src/use-cases/scoring-context.js';
import { importAndRun } from '../../../../src/use-cases/scoring/score-dataset.js';
import { ruleSetsFor } from '../../../helpers/repository-rule-sets.js';

const sampleCounty = fileURLToPath(new URL('../../../../data/sample-county', import.meta.url));
const QUARTER = '2018Q4';
const FILES = ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl'] as const;

/** The stores with their verdict store's partition reads counted, by partition. */
function counting(stores: Stores): { stores: Stores; reads: string[] } {
  const reads: string[] = [];
  const verdicts = new Proxy(stores.verdicts, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === 'listPartitionVerdicts') return (partition: string, year: number) => (reads.push(partition), target.listPartitionVerdicts(partition, year));
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as VerdictStore;
  return { stores: { ...stores, verdicts }, reads };
}

describe('tuopin score exports the verdicts it has just judged without reading them back', () => {
  let context: ScoringContext;
  let dataset: Dataset;
  let work: string;

  /** What `tuopin score` does: import, run, export; with `judged` as the command wires it. */
  async function score(stores: Stores, out: string, judged?: JudgedVerdictSpill): Promise<void> {
    const now = () => new Date('2026-01-01T00:00:00Z');
    const countyIds = dataset.counties.map((c) => c.countyId);
    const result = await importAndRun(stores, context, dataset, { runId: 'r', now, ...(judged ? { onVillageVerdicts: judged.add } : {}) });
    const exported = await streamRun(stores, QUARTER, context.year, countyIds, judged);
    await writeRunFiles(out, exported, { quarter: QUARTER, year: context.year, asOf: lastDayOfQuarter(QUARTER), evaluator: 'compiled', store: 'memory', run: result.run, stageSeconds: {}, startedAt: now(), finishedAt: now() });
  }

  // Digests, not the bytes: a failed comparison of megabytes would take minutes to print.
  const files = async (out: string) => Promise.all(FILES.map(async (name) => `${name} ${createHash('sha256').update(await readFile(join(out, name))).digest('hex')}`));

  beforeAll(async () => {
    context = createScoringContext(await ruleSetsFor(lastDayOfQuarter(QUARTER)), QUARTER, EVALUATORS.compiled);
    dataset = await readDatasetFolder(sampleCounty);
    work = await mkdtemp(join(tmpdir(), 'tuopin-judged-'));
    // The reference: the export reading every partition back from the store.
    await score(createMemoryStores(), join(work, 'reference'));
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('reads only the county partitions on a first run and on a re-run over unchanged data, writing the same bytes', async () => {
    const { stores, reads } = counting(createMemoryStores());
    const villages = new Set(dataset.villages.map((v) => v.villageId));
    const counties = dataset.counties.map((c) => c.countyId);
    const reference = await files(join(work, 'reference'));

    await score(stores, join(work, 'first'), new JudgedVerdictSpill());
    expect(reads.filter((partition) => villages.has(partition))).toEqual([]);
    expect(reads).toEqual(counties);
    expect(await files(join(work, 'first'))).toEqual(reference);

    // A re-run judges every village again; verdicts that did not change are not rewritten, but still streamed.
    reads.length = 0;
    const judged = new JudgedVerdictSpill();
    await score(stores, join(work, 'again'), judged);
    expect(reads).toEqual(counties);
    expect(judged.size).toBe(0);
    expect(await files(join(work, 'again'))).toEqual(reference);
  }, 120_000);

  it('reads a partition back from the store when the run did not judge it', async () => {
    const { stores, reads } = counting(createMemoryStores());
    const judged = new JudgedVerdictSpill();
    await importAndRun(stores, context, dataset, { runId: 'r', now: () => new Date('2026-01-01T00:00:00Z'), onVillageVerdicts: judged.add });
    const skipped = dataset.villages[0]!.villageId;
    expect(judged.take(skipped)?.length).toBeGreaterThan(0);
    const exported = await streamRun(stores, QUARTER, context.year, undefined, judged);
    const verdicts = [];
    for await (const verdict of exported.verdicts('stream')) verdicts.push(verdict);
    expect(reads).toContain(skipped);
    expect(verdicts.some((v) => v.subjectId === skipped)).toBe(true);
  }, 120_000);
});
