import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JudgedVerdictSpill } from '../../../src/adapters/memory/judged-verdicts.js';
import { writeJsonLines } from '../../../src/adapters/file/write-run-output.js';
import type { Verdict } from '../../../src/engine/verdict.js';
import { JsonText } from '../../../src/kernel/json-text.js';
import { lineOfScratch, scratchLineOf, verdictLine, verdictOfLine } from '../../../src/use-cases/verdict-lines.js';

/** A verdict whose ids and texts hold what a line format could trip on: tabs, newlines, quotes, non-ASCII. */
function awkward(subjectId: string): Verdict {
  return {
    subjectType: 'household',
    subjectId,
    ruleSetId: 'household-exit',
    outcome: 'fail',
    outcomeLabel: { zh: '未达标\t（"退出"）', en: 'not met\nyet' },
    items: [],
    missing: ['a\tb'],
    reasons: [],
  } as unknown as Verdict;
}

afterEach(() => vi.restoreAllMocks());

describe('verdict lines', () => {
  it('keep a verdict as its own JSON text behind a head, whatever its ids and texts hold', () => {
    for (const id of ['H-1', 'H\t2', 'H\n3', 'H"4"', '户-5', 'H\\6']) {
      const verdict = awkward(id);
      const line = lineOfScratch(scratchLineOf(verdict));
      expect(line.json.text).toBe(JSON.stringify(verdict));
      expect({ subjectType: line.subjectType, subjectId: line.subjectId, ruleSetId: line.ruleSetId, outcome: line.outcome }).toEqual({ subjectType: 'household', subjectId: id, ruleSetId: 'household-exit', outcome: 'fail' });
      expect(verdictOfLine(line)).toEqual(verdict);
      expect(verdictLine(verdict).json.text).toBe(JSON.stringify(verdict));
    }
  });

  it('read the same from a scratch line given as bytes', () => {
    const verdict = awkward('户\t1');
    const line = lineOfScratch(Buffer.from(scratchLineOf(verdict), 'utf8'));
    expect(Buffer.isBuffer(line.json.raw)).toBe(true);
    expect(line.json.text).toBe(JSON.stringify(verdict));
    expect(line.subjectId).toBe('户\t1');
  });

  it('come back from the judged scratch file as bytes, parsing no verdict, only the heads', () => {
    const spill = new JudgedVerdictSpill();
    const verdicts = [awkward('V-1-1'), awkward('V-1\t2'), { ...awkward('V-1'), subjectType: 'village' } as Verdict];
    spill.add('V-1', verdicts);
    const parse = vi.spyOn(JSON, 'parse');
    const lines = spill.take('V-1')!;
    expect(parse).toHaveBeenCalledTimes(verdicts.length);
    expect(parse.mock.calls.every(([text]) => String(text).startsWith('['))).toBe(true);
    expect(lines.every((line) => Buffer.isBuffer(line.json.raw))).toBe(true);
    expect(lines.map((line) => line.json.text)).toEqual(verdicts.map((verdict) => JSON.stringify(verdict)));
    expect(spill.take('V-1')).toBeUndefined();
  });

  it('are written into a file as their text, other rows stringified', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tuopin-verdict-lines-'));
    try {
      const file = join(folder, 'rows.jsonl');
      const stringify = vi.spyOn(JSON, 'stringify');
      await writeJsonLines(file, [new JsonText('{"kept":"as is"}'), { other: 1 }, new JsonText(Buffer.from('{"bytes":"户"}')), new JsonText(Buffer.from('{"next":1}')), { last: '尾' }]);
      expect(stringify).toHaveBeenCalledTimes(2);
      expect(await readFile(file, 'utf8')).toBe('{"kept":"as is"}\n{"other":1}\n{"bytes":"户"}\n{"next":1}\n{"last":"尾"}\n');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
