import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRunFiles } from '../../../src/cli/run/run-files.js';
import type { Verdict } from '../../../src/engine/verdict.js';
import type { RunRecord } from '../../../src/ports/run-store.js';
import type { RunStream } from '../../../src/use-cases/export-run.js';
import { verdictLine } from '../../../src/use-cases/verdict-lines.js';

const work = mkdtempSync(join(tmpdir(), 'tuopin-export-progress-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stored run's stream of `count` verdicts; only their lines matter here. */
function streamOf(count: number): RunStream {
  const verdicts = Array.from({ length: count }, (_, i) => ({ subjectType: 'household', subjectId: `H${String(i).padStart(3, '0')}`, ruleSetId: 'household-exit' }) as unknown as Verdict);
  return {
    async *verdicts() {
      yield* verdicts;
    },
    async *lines() {
      yield* verdicts.map((verdict) => verdictLine(verdict));
    },
    scores: [],
    lists: [],
    outcomes: () => ({ total: {}, byCounty: {} }),
  };
}

function runWith(verdicts: number): RunRecord {
  return {
    runId: 'r1',
    quarter: '2018Q3',
    status: 'succeeded',
    startedAt: '2018-10-01T00:00:00.000Z',
    finishedAt: '2018-10-01T00:01:00.000Z',
    ruleSetVersions: {},
    writes: { verdicts, scores: 0, cards: 0 },
    failedVillages: [],
    stageSeconds: {},
  };
}

describe('the progress of an export', () => {
  it('counts the verdict lines against the number the stored run wrote, so the time left can be told', async () => {
    const reports: Array<[number, number | null]> = [];
    const parts = { quarter: '2018Q3', year: 2018, asOf: '2018-09-30', evaluator: 'stored', store: 'memory', stageSeconds: {}, startedAt: new Date(0), finishedAt: new Date(0) };
    const written = await writeRunFiles(join(work, 'out'), streamOf(3), { ...parts, run: runWith(3) }, (done, total) => reports.push([done, total]));
    expect(written).toBe(3);
    expect(readFileSync(join(work, 'out', 'verdicts.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(reports).toEqual([[1, 3], [2, 3], [3, null], [3, 3]]);

    const unknown: Array<[number, number | null]> = [];
    await writeRunFiles(join(work, 'none'), streamOf(2), { ...parts, run: null }, (done, total) => unknown.push([done, total]));
    expect(unknown).toEqual([[1, null], [2, null], [2, 2]]);
  });
});
