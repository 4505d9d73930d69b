import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import type { Verdict } from '../../src/engine/verdict.js';
import { scoreFolderInMemory } from '../helpers/score-in-memory.js';

const folder = fileURLToPath(new URL('../fixtures/example', import.meta.url));

interface Expected {
  quarter: string;
  'household-exit': Record<string, { outcome: string; items: Record<string, string> }>;
  identification: Record<string, string>;
  'return-risk': Record<string, string>;
  'village-exit': Record<string, { outcome: string; remainingPoor: number; ratio: number | null; items?: Record<string, string> }>;
  'county-exit': Record<string, { outcome: string; remainingPoor: number; ratio: number | null; items?: Record<string, string> }>;
  accountability: {
    units: Record<string, { score: number; card: string | null; consecutiveYellow: number; yellowThisYear: number }>;
    interview: string[];
    resignation: string[];
  };
}

const expected = JSON.parse(readFileSync(`${folder}/expected.json`, 'utf8')) as Expected;
const itemsOf = (v: Verdict) => Object.fromEntries(v.items.map((i) => [i.id, i.outcome]));

describe.each(Object.values(EVALUATORS))('the worked example of the standards, with the $name evaluator', (evaluator) => {
  let verdicts: Map<string, Verdict>;
  let run: Awaited<ReturnType<typeof scoreFolderInMemory>>;

  beforeAll(async () => {
    run = await scoreFolderInMemory(folder, expected.quarter, evaluator);
    verdicts = new Map(run.output.verdicts.map((v) => [`${v.ruleSetId}:${v.subjectId}`, v]));
  });

  it('judges every household by exactly the standards its status calls for', () => {
    for (const id of ['household-exit', 'identification', 'return-risk'] as const) {
      const judged = run.output.verdicts.filter((v) => v.ruleSetId === id).map((v) => v.subjectId).sort();
      expect(judged).toEqual(Object.keys(expected[id]).sort());
    }
  });

  it('gives every household-exit outcome and item outcome of the example', () => {
    const got = Object.fromEntries(Object.keys(expected['household-exit']).map((id) => {
      const v = verdicts.get(`household-exit:${id}`)!;
      return [id, { outcome: v.outcome, items: itemsOf(v) }];
    }));
    expect(got).toEqual(expected['household-exit']);
  });

  it('gives every identification and return-risk outcome of the example', () => {
    for (const id of ['identification', 'return-risk'] as const) {
      const got = Object.fromEntries(Object.keys(expected[id]).map((s) => [s, verdicts.get(`${id}:${s}`)!.outcome]));
      expect(got).toEqual(expected[id]);
    }
  });

  it('gives every village and county outcome, remaining poor and ratio of the example', () => {
    for (const id of ['village-exit', 'county-exit'] as const) {
      for (const [subject, want] of Object.entries(expected[id])) {
        const v = verdicts.get(`${id}:${subject}`)!;
        expect({ subject, outcome: v.outcome, remainingPoor: v.figures!.remainingPoor }).toEqual({ subject, outcome: want.outcome, remainingPoor: want.remainingPoor });
        if (want.ratio === null) expect(v.figures!.ratio).toBeNull();
        else expect(v.figures!.ratio).toBeCloseTo(want.ratio, 15);
        if (want.items) expect(itemsOf(v)).toEqual(want.items);
      }
    }
  });

  it('gives every unit score, card and card count of the example', () => {
    const got = Object.fromEntries(run.output.scores.map((s) => [`${s.unitType}:${s.unitId}`, { score: s.score, card: s.card, consecutiveYellow: s.consecutiveYellow, yellowThisYear: s.yellowThisYear }]));
    expect(got).toEqual(expected.accountability.units);
  });

  it('puts exactly the example officials on the interview and resignation lists', () => {
    for (const list of ['interview', 'resignation'] as const) {
      const got = run.output.lists.filter((r) => r.list === list).map((r) => `${r.unitType}:${r.unitId}`).sort();
      expect(got).toEqual([...expected.accountability[list]].sort());
    }
  });
});
