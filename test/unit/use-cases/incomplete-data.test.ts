import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../src/adapters/file/read-dataset-folder.js';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import type { Verdict } from '../../../src/engine/verdict.js';
import type { Stores } from '../../../src/ports/stores.js';
import type { Dataset } from '../../../src/records/dataset.js';
import { EmptyDatasetError } from '../../../src/use-cases/use-case-errors.js';
import { exportRun } from '../../../src/use-cases/export-run.js';
import { importDataset } from '../../../src/use-cases/import/import-dataset.js';
import { notesOfDataset, upsertNotes } from '../../../src/use-cases/import/incomplete-notes.js';
import { scoreDataset } from '../../../src/use-cases/scoring/score-dataset.js';
import { runNightly } from '../../../src/use-cases/nightly/run-nightly.js';
import { createScoringContext, type ScoringContext } from '../../../src/use-cases/scoring-context.js';
import { aCounty, aHousehold, aTownship, aVillage } from '../../helpers/builders.js';
import { ruleSetsFor } from '../../helpers/repository-rule-sets.js';

const evaluator = Object.values(EVALUATORS)[0]!;
const EXAMPLE = fileURLToPath(new URL('../../fixtures/example', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tuopin-incomplete-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let context: ScoringContext;
beforeAll(async () => {
  context = createScoringContext(await ruleSetsFor('2018-09-30'), '2018Q3', evaluator);
});

/** The worked example with line 5 of households.jsonl (C-W-T2-V0-H4, village C-W-T2-V0) made unreadable. */
function exampleWithBadHousehold(): string {
  const dir = join(work, 'bad-household');
  cpSync(EXAMPLE, dir, { recursive: true });
  const lines = readFileSync(join(dir, 'households.jsonl'), 'utf8').split('\n');
  lines[4] = lines[4]!.replace(/"incomePerCapita": [0-9.]+/, '"incomePerCapita": "abc"');
  writeFileSync(join(dir, 'households.jsonl'), lines.join('\n'));
  return dir;
}

const options = (runId: string) => ({ runId, now: () => new Date('2026-01-01T00:00:00Z') });
const find = (verdicts: readonly Verdict[], type: string, id: string, ruleSetId: string) =>
  verdicts.find((v) => v.subjectType === type && v.subjectId === id && v.ruleSetId === ruleSetId)!;
const REJECTED = '数据行被拒 rejected row households.jsonl:5: incomePerCapita: expected a number, got "abc"';

describe('a dataset with rejected rows', () => {
  it('leaves the village and county they belong to unknown for the incidence, naming the row, and changes no other verdict', async () => {
    const complete = await scoreDataset(createMemoryStores(), context, await readDatasetFolder(EXAMPLE), options('complete'));
    const dataset = await readDatasetFolder(exampleWithBadHousehold());
    expect(dataset.rejected).toHaveLength(1);
    const { output, run } = await scoreDataset(createMemoryStores(), context, dataset, options('incomplete'));

    const village = find(output.verdicts, 'village', 'C-W-T2-V0', 'village-exit');
    expect(village.outcome).toBe('unknown');
    expect(village.items.find((i) => i.id === 'incidence')).toMatchObject({ outcome: 'unknown', missing: [REJECTED] });
    expect(village.items.filter((i) => i.outcome === 'unknown').map((i) => i.id)).toEqual(['incidence']);
    const county = find(output.verdicts, 'county', 'C-W', 'county-exit');
    expect(county.items.find((i) => i.id === 'comprehensive-incidence')).toMatchObject({ outcome: 'unknown', missing: [REJECTED] });
    expect(run).toMatchObject({ status: 'succeeded-with-rejected-rows', rejectedRows: 1 });

    // Every verdict of the other county and of the other villages is the complete run's, byte for byte.
    const untouched = (v: Verdict) => v.subjectId !== 'C-W' && v.subjectId !== 'C-W-T2-V0' && !v.subjectId.startsWith('C-W-T2-V0-H4');
    const text = (verdicts: readonly Verdict[]) => verdicts.filter(untouched).map((v) => JSON.stringify(v));
    expect(text(output.verdicts)).toEqual(text(complete.output.verdicts));
    expect(find(complete.output.verdicts, 'village', 'C-W-T2-V0', 'village-exit').outcome).not.toBe('unknown');
  });

  it('keeps them unknown in a nightly run long after the import, until a clean import of the county', async () => {
    const stores: Stores = createMemoryStores();
    await importDataset(stores, await readDatasetFolder(exampleWithBadHousehold()));
    const later = await runNightly(stores, context, options('later'));
    expect(later).toMatchObject({ status: 'succeeded-with-rejected-rows', rejectedRows: 1 });
    const judged = await exportRun(stores, '2018Q3', 2018);
    expect(find(judged.verdicts, 'village', 'C-W-T2-V0', 'village-exit').items[0]!.missing).toEqual([REJECTED]);

    await importDataset(stores, await readDatasetFolder(EXAMPLE));
    expect(await runNightly(stores, context, options('clean'))).toMatchObject({ status: 'succeeded', rejectedRows: 0 });
    expect(find((await exportRun(stores, '2018Q3', 2018)).verdicts, 'village', 'C-W-T2-V0', 'village-exit').outcome).not.toBe('unknown');
  });

  it('leaves a village whose own row is rejected, and its county, unknown when it was stored before, listing the cascaded household rows', async () => {
    const stores = createMemoryStores();
    await importDataset(stores, await readDatasetFolder(EXAMPLE));
    const dir = join(work, 'bad-village');
    cpSync(EXAMPLE, dir, { recursive: true });
    const villages = readFileSync(join(dir, 'villages.jsonl'), 'utf8').replace('"hasHardenedRoad": true', '"hasHardenedRoad": "yes"');
    writeFileSync(join(dir, 'villages.jsonl'), villages);
    const dataset = await readDatasetFolder(dir);
    expect(dataset.rejected.filter((r) => r.file === 'households.jsonl')).toHaveLength(15);
    await importDataset(stores, dataset);
    expect(await stores.records.getVillage('C-W-T2-V0')).not.toBeNull();
    await runNightly(stores, context, options('after'));
    const { verdicts } = await exportRun(stores, '2018Q3', 2018);
    const village = find(verdicts, 'village', 'C-W-T2-V0', 'village-exit');
    expect(village.items[0]).toMatchObject({ id: 'incidence', outcome: 'unknown' });
    expect(village.items[0]!.missing).toContainEqual(expect.stringMatching(/^数据行被拒 rejected row villages\.jsonl:1: hasHardenedRoad: /));
    expect(village.items[0]!.missing).toHaveLength(16);
    expect(find(verdicts, 'county', 'C-W', 'county-exit').items[0]).toMatchObject({ id: 'comprehensive-incidence', outcome: 'unknown' });
    expect(find(verdicts, 'county', 'C-C', 'county-exit').missing.filter((m) => m.includes('rejected row'))).toEqual([]);
  });

  it('places a township row on its county, and a household row with no readable village on every county of the dataset', () => {
    const row = { file: 'townships.jsonl', line: 3, field: 'hasServiceCentre', reason: 'expected a boolean, got "yes"', id: 'T-02' };
    const dataset: Dataset = {
      counties: [aCounty(), aCounty({ countyId: 'C-2' })],
      townships: [aTownship()],
      villages: [aVillage()],
      units: [],
      households: [aHousehold()],
      cardHistory: [],
      rejected: [row, { file: 'households.jsonl', line: 9, field: '(line)', reason: 'not valid JSON' }],
      placements: new Map([[row, { countyId: 'C-1' }]]),
    };
    const notes = notesOfDataset(dataset);
    expect(notes.get('C-1')!.map((n) => [n.villageId, n.kind, n.rowCount])).toEqual([
      [null, 'townships', 1],
      [null, 'households', 1],
    ]);
    // A household row without a readable village could belong to any county of the dataset.
    expect(notes.get('C-2')!.map((n) => [n.villageId, n.kind])).toEqual([[null, 'households']]);
  });
});

describe('an upsert', () => {
  it("replaces the notes of the villages it delivers again, keeps the others and adds its own", () => {
    const row = (file: string, line: number) => ({ file, line, field: 'status', reason: 'expected one of poor, exited', id: `H${line}` });
    const note = (villageId: string | null, line: number) => ({ countyId: 'C-1', villageId, kind: 'households' as const, rows: [row('households.jsonl', line)], rowCount: 1 });
    const stored = [note(null, 1), note('V-001', 2), note('V-002', 3)];
    expect(upsertNotes(stored, [note(null, 4)], new Set(['V-001']))).toEqual([
      { ...note(null, 4), rows: [row('households.jsonl', 1), row('households.jsonl', 4)], rowCount: 2 },
      note('V-002', 3),
    ]);
    expect(upsertNotes([note(null, 1)], [note(null, 1)], new Set())).toEqual([note(null, 1)]);
  });
});

describe('a dataset with no household', () => {
  it('is refused before anything is written', async () => {
    const stores = createMemoryStores();
    const empty: Dataset = { counties: [aCounty()], townships: [aTownship()], villages: [aVillage()], units: [], households: [], cardHistory: [], rejected: [] };
    await expect(importDataset(stores, empty)).rejects.toBeInstanceOf(EmptyDatasetError);
    await expect(scoreDataset(stores, context, empty, options('empty'))).rejects.toMatchObject({ code: 'DATASET_EMPTY' });
    expect(await stores.records.listCounties()).toEqual([]);
  });
});
