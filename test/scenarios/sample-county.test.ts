import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import { scoreFolderInMemory } from '../helpers/score-in-memory.js';

const folder = fileURLToPath(new URL('../../data/sample-county', import.meta.url));

describe('the sample county of the demo', () => {
  let run: Awaited<ReturnType<typeof scoreFolderInMemory>>;

  beforeAll(async () => {
    run = await scoreFolderInMemory(folder, '2018Q4', EVALUATORS.compiled);
  });

  it('loads with no rejected row', () => {
    expect(run.dataset.rejected).toEqual([]);
    expect(run.dataset.households).toHaveLength(3400);
  });

  it('exercises every outcome of every household and village standard', () => {
    const total = run.output.outcomes.total;
    expect(Object.keys(total['household-exit']!).sort()).toEqual(['fail', 'pass', 'unknown']);
    expect(Object.keys(total.identification!).sort()).toEqual(['eligible', 'excluded', 'not-eligible', 'priority', 'unknown']);
    expect(Object.keys(total['return-risk']!).sort()).toEqual(['monitor', 'stable', 'unknown']);
    expect(Object.keys(total['village-exit']!).sort()).toEqual(['fail', 'pass', 'unknown']);
    expect(total['county-exit']).toEqual({ fail: 1 });
  });

  it('reports short public notices as warnings', () => {
    const warned = run.output.verdicts.filter((v) => v.warnings.some((w) => w.id === 'notice-too-short'));
    expect(warned.length).toBeGreaterThan(0);
  });

  it('gives red flags, yellow cards and both lists, including three yellow cards that are not consecutive', () => {
    const cards = run.output.scores.filter((s) => s.card !== null).map((s) => `${s.card}:${s.unitId}`).sort();
    expect(cards).toEqual([
      'red-flag:513336-02',
      'red-flag:U-513336-06',
      'red-flag:U-513336-09',
      'red-flag:U-513336-10',
      'yellow-card:513336-01',
      'yellow-card:513336-03',
      'yellow-card:U-513336-08',
    ]);
    const rows = run.output.lists.map((r) => `${r.list}:${r.unitId}`);
    expect(rows).toEqual(['interview:U-513336-08', 'interview:513336-01', 'resignation:U-513336-08', 'resignation:513336-01', 'resignation:513336-03']);
  });
});
