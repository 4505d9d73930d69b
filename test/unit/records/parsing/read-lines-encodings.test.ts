import { describe, expect, it } from 'vitest';
import { readLines } from '../../../../src/records/parsing/read-lines.js';
import { collect } from '../../../helpers/record-lines.js';
import { gb18030, joinBytes, utf16WithBom, utf8 } from './text-encodings.js';
import { DatasetEncodingError } from '../../../../src/records/record-errors.js';

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

/** The bytes in pieces of `size`, to cut characters and line ends in two. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function refusal(input: AsyncIterable<Uint8Array>): Promise<DatasetEncodingError> {
  try {
    await collect(readLines(input, { file: 'households.csv' }));
  } catch (error) {
    if (error instanceof DatasetEncodingError) return error;
    throw error;
  }
  throw new Error('the input was read without a refusal');
}

const CSV = 'townshipId,name,principal.name\r\nT1,青德镇,张三\r\nT2,正斗乡,李四\r\n';
const LINES = ['townshipId,name,principal.name', 'T1,青德镇,张三', 'T2,正斗乡,李四'];

describe('readLines in the encodings Chinese offices save files in', () => {
  it('reads a CSV that Excel or WPS saved as GB18030 (GBK), with no byte-order mark', async () => {
    expect(await collect(readLines(chunks(gb18030(CSV))))).toEqual(LINES);
  });

  it('reads GB18030 cut into pieces in the middle of characters and of line ends', async () => {
    for (const size of [1, 2, 3, 5]) expect(await collect(readLines(pieces(gb18030(CSV), size)))).toEqual(LINES);
  });

  it('reads UTF-8 with and without a byte-order mark', async () => {
    expect(await collect(readLines(chunks(utf8(CSV))))).toEqual(LINES);
    expect(await collect(readLines(pieces(joinBytes(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(CSV)), 2)))).toEqual(LINES);
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian', async () => {
    expect(await collect(readLines(pieces(utf16WithBom(CSV, 'le'), 3)))).toEqual(LINES);
    expect(await collect(readLines(pieces(utf16WithBom(CSV, 'be'), 7)))).toEqual(LINES);
  });

  it('decides on GB18030 at the first line that is not ASCII, however far down', async () => {
    const ascii = Array.from({ length: 500 }, (_, i) => `H${i},V1,poor`).join('\n');
    const lines = await collect(readLines(pieces(joinBytes(utf8(`${ascii}\n`), gb18030('H500,V1,poor,王五\n')), 4096)));
    expect(lines).toHaveLength(501);
    expect(lines[500]).toBe('H500,V1,poor,王五');
  });

  it('refuses bytes that are valid in neither UTF-8 nor GB18030, naming the line and the byte', async () => {
    const error = await refusal(chunks(utf8('id,name\nH1,ok\n'), new Uint8Array([0x48, 0x32, 0x2c, 0xff, 0xfe, 0x0a])));
    expect(error).toMatchObject({ code: 'DATASET_ENCODING', file: 'households.csv', encoding: 'utf-8 or gb18030', line: 3, detail: 'byte 4 (0xff 0xfe)' });
    expect(error.label.en).toBe('households.csv:3: not valid UTF-8 or GB18030 (GBK) text at byte 4 (0xff 0xfe); the file is refused (save it as UTF-8 and import it again)');
    expect(error.label.zh).toBe('households.csv 第 3 行不是有效的 UTF-8 或 GB18030 (GBK) 编码（第 4 字节 (0xff 0xfe)），整个文件未导入；请另存为 UTF-8 后重新导入');
  });

  it('refuses a file that goes bad after it was read as UTF-8, never substituting U+FFFD', async () => {
    const error = await refusal(chunks(utf8('{"name":"乡城县"}\n{"name":"ok"}\n{"name":"'), new Uint8Array([0xcf, 0xe7]), utf8('"}\n')));
    expect(error).toMatchObject({ encoding: 'utf-8', line: 3, detail: 'byte 10 (0xcf 0xe7)' });
  });

  it('refuses a GB18030 file with a byte that is not GB18030 later on', async () => {
    const error = await refusal(chunks(gb18030('T1,青德镇\n'), utf8('T2,'), new Uint8Array([0xcf, 0x0a])));
    expect(error).toMatchObject({ encoding: 'gb18030', line: 2, detail: 'byte 4 (0xcf)' });
  });

  it('believes the byte-order mark: GBK bytes after a UTF-8 mark are refused as UTF-8', async () => {
    const error = await refusal(chunks(new Uint8Array([0xef, 0xbb, 0xbf]), gb18030(CSV)));
    expect(error).toMatchObject({ encoding: 'utf-8', line: 2 });
  });

  it('refuses GB18030 that is not Chinese text, which is more likely another encoding misread', async () => {
    // Valid GB18030 bytes that decode to Cyrillic: a Windows-1251 or KOI8 file would look like this.
    const cyrillic = new Uint8Array([0xa7, 0xa8, 0xa7, 0xd8, 0xa7, 0xd9, 0x0a]);
    expect(new TextDecoder('gb18030').decode(cyrillic)).toBe('Жжз\n');
    expect(await refusal(chunks(utf8('id\n'), cyrillic))).toMatchObject({ encoding: 'utf-8 or gb18030', line: 2 });
  });

  it('refuses UTF-16 cut off in the middle of a character', async () => {
    const bytes = utf16WithBom('a\n乡', 'le');
    expect(await refusal(chunks(bytes.subarray(0, bytes.length - 1)))).toMatchObject({ encoding: 'utf-16le', line: 2 });
  });

  it('streams: lines come out before the rest of the file has been read', async () => {
    const readUntilFailure = async (first: Uint8Array): Promise<string[]> => {
      async function* failingAfter(): AsyncGenerator<Uint8Array> {
        yield first;
        throw new Error('the rest of the file is not there yet');
      }
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const line of readLines(failingAfter())) seen.push(line);
        })(),
      ).rejects.toThrow('not there yet');
      return seen;
    };
    expect(await readUntilFailure(utf8('a,b\nc,d\n'))).toEqual(['a,b', 'c,d']);
    expect(await readUntilFailure(joinBytes(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('乡城县,c\n')))).toEqual(['乡城县,c']);
  });
});
