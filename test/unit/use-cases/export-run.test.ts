import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import { writeRunFiles } from '../../../src/cli/run/run-files.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import type { RuleSet } from '../../../src/engine/rule-set-schema.js';
import type { Verdict } from '../../../src/engine/verdict.js';
import type { Household } from '../../../src/records/records.js';
import type { Stores } from '../../../src/ports/stores.js';
import type { StandardId } from '../../../src/standards/standard-ids.js';
import { VerdictOrderError } from '../../../src/use-cases/use-case-errors.js';
import { exportRun, streamRun } from '../../../src/use-cases/export-run.js';
import type { VerdictLine } from '../../../src/use-cases/verdict-lines.js';
import { HeldVerdictSpill } from '../../../src/adapters/memory/held-verdict-spill.js';
import { CountingSpill } from '../../helpers/counting-spill.js';
import { runNightly } from '../../../src/use-cases/nightly/run-nightly.js';
import { createScoringContext } from '../../../src/use-cases/scoring-context.js';
import { aCounty, aHousehold, aTownship, aVillage, anAssistingUnit } from '../../helpers/builders.js';
import { ruleSetsFor } from '../../helpers/repository-rule-sets.js';

let ruleSets: Record<StandardId, RuleSet>;
let work: string;
beforeAll(async () => {
  ruleSets = await ruleSetsFor('2018-12-31');
  work = await mkdtemp(join(tmpdir(), 'tuopin-export-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function scored(households: Household[]): Promise<Stores> {
  const stores = createMemoryStores();
  await stores.records.putCounties([aCounty()]);
  await stores.records.putTownships([aTownship()]);
  await stores.records.putUnits([anAssistingUnit()]);
  await stores.records.putVillages([aVillage(), aVillage({ villageId: 'V-002' })]);
  await stores.records.putHouseholds(households);
  await runNightly(stores, createScoringContext(ruleSets, '2018Q4', EVALUATORS.compiled), { runId: 'r', now: () => new Date('2026-01-01T00:00:00Z') });
  return stores;
}

async function read(verdicts: AsyncIterable<Verdict>): Promise<string[]> {
  const keys: string[] = [];
  for await (const v of verdicts) keys.push(`${v.subjectType}:${v.subjectId}:${v.ruleSetId}`);
  return keys;
}

const SUMMARY_PARTS = { quarter: '2018Q4', year: 2018, asOf: '2018-12-31', evaluator: 'compiled', store: 'memory', run: null, stageSeconds: {}, startedAt: new Date(0), finishedAt: new Date(0) };

describe('streamRun', () => {
  it('streams the verdicts in the order of the sorted export, with the same outcome counts', async () => {
    const stores = await scored([aHousehold({ householdId: 'V-001-1' }), aHousehold({ householdId: 'V-001-2' }), aHousehold({ householdId: 'V-002-1', villageId: 'V-002' })]);
    const whole = await exportRun(stores, '2018Q4', 2018);
    const stream = await streamRun(stores, '2018Q4', 2018);
    expect(await read(stream.verdicts('stream'))).toEqual(whole.verdicts.map((v) => `${v.subjectType}:${v.subjectId}:${v.ruleSetId}`));
    expect(stream.outcomes()).toEqual(whole.outcomes);
  });

  it('streams the same verdicts when the village verdicts wait in a scratch file, reading each back once', async () => {
    const stores = await scored([aHousehold({ householdId: 'V-001-1' }), aHousehold({ householdId: 'V-002-1', villageId: 'V-002' }), aHousehold({ householdId: 'V-002-2', villageId: 'V-002' })]);
    const all = async (stream: AsyncIterable<Verdict>) => {
      const verdicts: Verdict[] = [];
      for await (const verdict of stream) verdicts.push(verdict);
      return verdicts;
    };
    const inMemory = await all((await streamRun(stores, '2018Q4', 2018)).verdicts('stream'));
    const spill = new CountingSpill();
    const lines: VerdictLine[] = [];
    for await (const line of (await streamRun(stores, '2018Q4', 2018, undefined, undefined, () => new HeldVerdictSpill(spill))).lines('stream')) lines.push(line);
    expect(lines.map((line) => line.json.text)).toEqual(inMemory.map((verdict) => JSON.stringify(verdict)));
    expect(lines.map(({ subjectType, subjectId, ruleSetId, outcome }) => ({ subjectType, subjectId, ruleSetId, outcome }))).toEqual(
      inMemory.map(({ subjectType, subjectId, ruleSetId, outcome }) => ({ subjectType, subjectId, ruleSetId, outcome })),
    );
    const villageVerdicts = inMemory.filter((v) => v.subjectType === 'village').length;
    expect(villageVerdicts).toBeGreaterThan(1);
    expect(spill.reads).toBe(villageVerdicts);
  });

  it('refuses to stream household ids that do not sort like their villages, and collects them instead', async () => {
    const stores = await scored([aHousehold({ householdId: 'H-2' }), aHousehold({ householdId: 'H-1', villageId: 'V-002' })]);
    const stream = await streamRun(stores, '2018Q4', 2018);
    await expect(read(stream.verdicts('stream'))).rejects.toBeInstanceOf(VerdictOrderError);
    const whole = await exportRun(stores, '2018Q4', 2018);
    expect(await read(stream.verdicts('collect'))).toEqual(whole.verdicts.map((v) => `${v.subjectType}:${v.subjectId}:${v.ruleSetId}`));
  });
});

describe('writeRunFiles', () => {
  it('writes the same files from the stream as from the sorted export, whatever the ids', async () => {
    const stores = await scored([aHousehold({ householdId: 'H-2' }), aHousehold({ householdId: 'H-1', villageId: 'V-002' })]);
    const [streamed, sorted] = [join(work, 'streamed'), join(work, 'sorted')];
    await writeRunFiles(streamed, await streamRun(stores, '2018Q4', 2018), SUMMARY_PARTS);
    await writeRunFiles(sorted, await exportRun(stores, '2018Q4', 2018), SUMMARY_PARTS);
    for (const file of ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl', 'summary.json']) {
      expect(await readFile(join(streamed, file), 'utf8'), file).toBe(await readFile(join(sorted, file), 'utf8'));
    }
    expect((await readFile(join(streamed, 'verdicts.jsonl'), 'utf8')).split('\n')[1]).toContain('"subjectId":"H-1"');
  });

  it('leaves no staging folder behind and keeps the previous run whole when an export fails', async () => {
    const stores = await scored([aHousehold({ householdId: 'V-001-1' })]);
    const out = join(work, 'failing');
    await writeRunFiles(out, await streamRun(stores, '2018Q4', 2018), SUMMARY_PARTS);
    const before = await Promise.all(['verdicts.jsonl', 'summary.json'].map((f) => readFile(join(out, f), 'utf8')));
    const broken = await streamRun(stores, '2018Q4', 2018);
    const failing = {
      ...broken,
      async *lines(): AsyncGenerator<VerdictLine> {
        yield* broken.lines('stream');
        throw new Error('the store went away');
      },
    };
    await expect(writeRunFiles(out, failing, SUMMARY_PARTS)).rejects.toThrow('the store went away');
    expect(await Promise.all(['verdicts.jsonl', 'summary.json'].map((f) => readFile(join(out, f), 'utf8')))).toEqual(before);
    expect((await readdir(out)).sort()).toEqual(['accountability.jsonl', 'scores.jsonl', 'summary.json', 'verdicts.jsonl']);
  });
});
