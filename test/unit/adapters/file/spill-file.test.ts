import { describe, expect, it } from 'vitest';
import { SpillFile } from '../../../../src/adapters/file/spill-file.js';

/** Lines of every width UTF-8 has, a lone surrogate among them, some longer than the scratch buffer's start. */
const LINES = [
  '',
  'ascii',
  '青德镇第1村,张三',
  'emoji 👨‍👩‍👧 and a lone surrogate \ud800 here',
  'x'.repeat(70_000),
  `${'中'.repeat(30_000)}end`,
  ...Array.from({ length: 2_000 }, (_, i) => `{"householdId":"513336-01-003-${String(i).padStart(4, '0')}","headName":"王${i}"}`),
  'last',
];

const bytesOf = (line: string) => Buffer.byteLength(line, 'utf8') + 1;

describe('SpillFile lines through its scratch buffer', () => {
  it('writes each line as UTF-8 with its newline, and says each line’s length in bytes', () => {
    const spill = new SpillFile();
    spill.append('before\n');
    const lengths = new Int32Array(LINES.length);
    const span = spill.appendLineTexts(LINES, lengths);
    expect(span.offset).toBe(7);
    expect([...lengths]).toEqual(LINES.map(bytesOf));
    expect(span.length).toBe(LINES.reduce((sum, line) => sum + bytesOf(line), 0));
    expect(spill.readBytes(span).equals(Buffer.from(LINES.map((line) => `${line}\n`).join(''), 'utf8'))).toBe(true);
    // What follows goes after it, not over it.
    const after = spill.appendLineTexts(['after']);
    expect(after.offset).toBe(span.offset + span.length);
    expect(spill.read(after)).toBe('after\n');
  });

  it('reads the lines of a span back, each on its own', () => {
    const spill = new SpillFile();
    const values = LINES.map((line, index) => ({ index, line }));
    spill.appendLines([{ other: true }]);
    const span = spill.appendLines(values);
    expect(spill.readLines(span)).toEqual(values);
    const seen: string[] = [];
    spill.forEachLineOf(spill.appendLineTexts(LINES), (bytes, start, end) => seen.push(bytes.toString('utf8', start, end)));
    expect(seen).toEqual(LINES.map((line) => Buffer.from(line, 'utf8').toString('utf8')));
  });

  it('reads every span through the same buffer, grown only for a longer span', () => {
    const spill = new SpillFile();
    // Over 4 KB, past what Node hands out of its shared pool, so separate reads would not share a buffer.
    const small = spill.appendLineTexts(['a'.repeat(3_000), 'b'.repeat(3_000)]);
    const large = spill.appendLineTexts(['y'.repeat(200_000)]);
    const bufferOf = (span: typeof small) => {
      const seen = new Set<ArrayBufferLike>();
      spill.forEachLineOf(span, (bytes) => seen.add(bytes.buffer));
      expect(seen.size).toBe(1);
      return [...seen][0];
    };
    const first = bufferOf(small);
    expect(bufferOf(small)).toBe(first);
    const grown = bufferOf(large);
    expect(bufferOf(small)).toBe(grown);
  });

  it('lets a visit append and read the same file without spoiling the lines it is given', () => {
    const spill = new SpillFile();
    const outer = spill.appendLineTexts(['first outer line', 'second outer line']);
    const inner = spill.appendLineTexts(['inner']);
    const seen: string[] = [];
    spill.forEachLineOf(outer, (bytes, start, end) => {
      // Small enough to fit the buffer lent out: written into it, it would overwrite the outer lines.
      const copied = spill.appendLineTexts(['z'.repeat(40)]);
      spill.forEachLineOf(inner, (innerBytes, from, to) => seen.push(innerBytes.toString('utf8', from, to)));
      seen.push(bytes.toString('utf8', start, end));
      expect(spill.read(copied)).toBe(`${'z'.repeat(40)}\n`);
    });
    expect(seen).toEqual(['inner', 'first outer line', 'inner', 'second outer line']);
  });

  it('says so when a span runs past the end of the file', () => {
    const spill = new SpillFile();
    const span = spill.appendLineTexts(['only']);
    expect(() => spill.forEachLineOf({ offset: span.offset, length: span.length + 10 }, () => undefined)).toThrow(/spill file ends before 15/);
  });
});
