import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../../../src/adapters/file/file-chunks.js';
import { readLines } from '../../../../src/records/parsing/read-lines.js';
import { collect } from '../../../helpers/record-lines.js';
import { gb18030, joinBytes, utf16WithBom, utf8 } from './text-encodings.js';

const work = mkdtempSync(join(tmpdir(), 'tuopin-chunks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The bytes in chunks of `size`, all through one Buffer (as `fileChunks` gives them, whose
 * `slice` shares its bytes) that is scribbled over as soon as the next chunk is asked for.
 */
async function* reused(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const part = bytes.subarray(at, at + size);
    buffer.set(part);
    yield buffer.subarray(0, part.length);
    buffer.fill(0x41);
  }
}

// ASCII lines first, so the lines from the first Chinese one are held while the encoding is chosen.
const TEXT = `${Array.from({ length: 40 }, (_, i) => `ascii line ${i}`).join('\r\n')}\r\n${Array.from({ length: 300 }, (_, i) => `T${i},青德镇第${i}村,张三`).join('\n')}\nlast line without a newline`;
const LINES = TEXT.split(/\r?\n/);

describe('lines read from a source that reuses its buffer', () => {
  for (const [name, bytes] of [
    ['UTF-8', utf8(TEXT)],
    ['GB18030', gb18030(TEXT)],
    ['UTF-16LE with a byte-order mark', utf16WithBom(TEXT, 'le')],
    ['UTF-16BE with a byte-order mark', utf16WithBom(TEXT, 'be')],
  ] as const) {
    it(`are whole and true in ${name}, whatever the chunk size`, async () => {
      for (const size of [1, 2, 3, 7, 64, 1000, 1 << 16]) expect(await collect(readLines(reused(bytes, size)))).toEqual(LINES);
    });
  }

  it('are whole and true from a file of several chunks (fileChunks), lines cut at the chunks’ ends', async () => {
    const long = Array.from({ length: 60_000 }, (_, i) => `{"householdId":"H${i}","headName":"户主${i}"}`);
    const path = join(work, 'households.jsonl');
    writeFileSync(path, joinBytes(utf8(`${long.join('\n')}\n`)));
    expect(await collect(readLines(fileChunks(path)))).toEqual(long);
  });
});

describe('a reader that stops early', () => {
  it('ends its source, so the source closes its file', async () => {
    let ended = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        for (let i = 0; i < 100; i += 1) yield Buffer.from(`line ${i}\n`);
      } finally {
        ended = true;
      }
    }
    for await (const line of readLines(source())) if (line === 'line 3') break;
    expect(ended).toBe(true);
  });
});
