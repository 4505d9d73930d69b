import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keys } from '../../../src/adapters/dynamodb/keys.js';

const SOURCE_DIR = fileURLToPath(new URL('../../../src/adapters/dynamodb/', import.meta.url));

describe('the key builders', () => {
  it('never build the same key from two different id tuples, whatever # and % the ids hold', () => {
    const ids = ['a', 'a#b', 'a%23b', 'a%b', '#', '%', 'b'];
    const built = new Set<string>();
    let count = 0;
    for (const village of ids) {
      for (const subject of ids) {
        for (const ruleSet of ids) {
          const { pk, sk } = keys.verdict(village, { subjectType: 'household', subjectId: subject, ruleSetId: ruleSet, year: 2018 });
          built.add(`${pk}|${sk}`);
          count += 1;
        }
      }
    }
    expect(built.size).toBe(count);
  });

  it('narrow a partition to one assessment year without matching another that starts the same', () => {
    const target = keys.partitionVerdicts('V1', 2018);
    const sk = (year: number) => keys.verdict('V1', { subjectType: 'household', subjectId: 'H1', ruleSetId: 'household-exit', year }).sk;
    expect(sk(2018).startsWith(target.skPrefix!)).toBe(true);
    expect(sk(20180).startsWith(target.skPrefix!)).toBe(false);
  });

  it('sort rule-set versions, score rows and chunks by their numbers', () => {
    expect(keys.ruleSetVersion('x', 9).sk < keys.ruleSetVersion('x', 10).sk).toBe(true);
    expect(keys.score('2018Q3', 'C1', 9).sk < keys.score('2018Q3', 'C1', 10).sk).toBe(true);
    expect(keys.tallyChunk('2018Q3', 'C1', 'V1', 'h', 9).sk < keys.tallyChunk('2018Q3', 'C1', 'V1', 'h', 10).sk).toBe(true);
  });

  it('put households in gsi1 by village', () => {
    expect(keys.householdEntry('V1', 'H1').gsi1pk).toBe(keys.villageHouseholds('V1').pk);
    expect(keys.villageHouseholds('V1').index).toBe('gsi1');
  });

  it('leave no store a reason to Scan: no source file of the adapter sends one', async () => {
    for (const file of await readdir(SOURCE_DIR)) {
      if (file.endsWith('.ts')) expect(await readFile(`${SOURCE_DIR}${file}`, 'utf8'), file).not.toMatch(/\bScan(Command|Input)?\b/);
    }
  });
});
