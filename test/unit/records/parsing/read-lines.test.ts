import { describe, expect, it } from 'vitest';
import { readLines } from '../../../../src/records/parsing/read-lines.js';
import { collect } from '../../../helpers/record-lines.js';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const part of parts) yield part;
}

describe('readLines', () => {
  it('splits on \\n and \\r\\n and keeps blank lines so line numbers stay true', async () => {
    expect(await collect(readLines(chunks('a\r\n\nb\nc')))).toEqual(['a', '', 'b', 'c']);
  });

  it('joins a line split across chunks, including a \\r\\n split in two', async () => {
    expect(await collect(readLines(chunks('ab', 'c\r', '\nde', 'f\n')))).toEqual(['abc', 'def']);
  });

  it('decodes a multi-byte character split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('乡城县\n青德镇\n');
    expect(await collect(readLines(chunks(bytes.slice(0, 2), bytes.slice(2, 8), bytes.slice(8))))).toEqual(['乡城县', '青德镇']);
  });

  it('drops a byte-order mark at the start, from text or from bytes', async () => {
    expect(await collect(readLines(chunks('\uFEFFa,b\n')))).toEqual(['a,b']);
    expect(await collect(readLines(chunks(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))))).toEqual(['a']);
  });

  it('yields nothing for an empty input', async () => {
    expect(await collect(readLines(chunks('')))).toEqual([]);
  });
});
