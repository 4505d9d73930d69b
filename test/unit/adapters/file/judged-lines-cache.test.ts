import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JudgedLinesCache } from '../../../../src/adapters/file/judged-lines-cache.js';

const work = mkdtempSync(join(tmpdir(), 'tuopin-lines-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
const folder = () => join(work, `cache-${(folders += 1)}`);
const entry = (villageId: string, inputs: string, text: string) => ({ villageId, inputs, bytes: Buffer.from(text) });

describe('the judged lines cache', () => {
  it('gives back a village’s lines for the same inputs only, after a save and a reopen', async () => {
    const where = folder();
    await (await JudgedLinesCache.open(where)).save([entry('V1', 'a', 'line one\nline 二\n'), entry('V2', 'b', 'other\n')]);
    const cache = await JudgedLinesCache.open(where);
    expect(cache.lines('V1', 'a')?.toString()).toBe('line one\nline 二\n');
    expect(cache.lines('V2', 'b')?.toString()).toBe('other\n');
    expect(cache.lines('V1', 'b')).toBeNull();
    expect(cache.lines('V3', 'a')).toBeNull();
    expect(cache.lines('__proto__', 'a')).toBeNull();
  });

  it('keeps one lines file: a save replaces the cache whole and removes what the old index named', async () => {
    const where = folder();
    await (await JudgedLinesCache.open(where)).save([entry('V1', 'a', 'old\n')]);
    await (await JudgedLinesCache.open(where)).save([entry('V2', 'b', 'new\n')]);
    const cache = await JudgedLinesCache.open(where);
    expect(cache.lines('V1', 'a')).toBeNull();
    expect(cache.lines('V2', 'b')?.toString()).toBe('new\n');
    expect(readdirSync(where).sort()).toEqual(['index.json', expect.stringMatching(/^lines-/)]);
  });

  it('reads as empty from a missing folder, an unreadable index or one of another layout', async () => {
    expect((await JudgedLinesCache.open(join(work, 'nowhere'))).lines('V1', 'a')).toBeNull();
    for (const text of ['{not json', JSON.stringify({ layout: 2, file: 'lines-1', villages: {} }), JSON.stringify({ layout: 1, file: '../../etc/passwd', villages: { V1: ['a', 0, 4, 'x'] } })]) {
      const where = folder();
      await (await JudgedLinesCache.open(where)).save([entry('V1', 'a', 'kept\n')]);
      writeFileSync(join(where, 'index.json'), text);
      expect((await JudgedLinesCache.open(where)).lines('V1', 'a')).toBeNull();
    }
  });

  it('treats lines whose bytes changed, or a lines file cut short, as missing', async () => {
    const where = folder();
    await (await JudgedLinesCache.open(where)).save([entry('V1', 'a', 'first\n'), entry('V2', 'b', 'second\n')]);
    const lines = readdirSync(where).find((name) => name.startsWith('lines-'))!;
    writeFileSync(join(where, lines), 'FIRST\n');
    const cache = await JudgedLinesCache.open(where);
    expect(cache.lines('V1', 'a')).toBeNull();
    expect(cache.lines('V2', 'b')).toBeNull();
  });
});
