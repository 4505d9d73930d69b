import { render, type Text } from '../i18n/messages.js';
import { TuopinError } from '../kernel/errors.js';

// The faults that make a whole dataset file unreadable. A bad row is not one of them: it is
// rejected with its reason and the rest of the file is read.

/** The encodings a dataset file is read in (see `detect-encoding.ts`). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How a refusal names an encoding to a clerk. */
export const ENCODING_LABELS: Readonly<Record<TextEncodingName | 'utf-8 or gb18030', string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030 (GBK)',
  'utf-8 or gb18030': 'UTF-8 or GB18030 (GBK)',
};

/**
 * A dataset file whose bytes are not text in the encoding it was read in: the whole file is
 * refused (never read with characters substituted), naming the encoding tried and the line of
 * the first bad byte, in Chinese and English, so a clerk can re-save it as UTF-8.
 */
export class DatasetEncodingError extends TuopinError {
  readonly label: { readonly zh: string; readonly en: string };

  constructor(
    readonly file: string,
    readonly encoding: TextEncodingName | 'utf-8 or gb18030',
    readonly line: number,
    /** Where in the line the bad bytes start (1-based) and what they are, e.g. `byte 7 (0xff 0x41)`. */
    readonly detail: string,
  ) {
    const name = ENCODING_LABELS[encoding];
    const en = `${file}:${line}: not valid ${name} text at ${detail}; the file is refused (save it as UTF-8 and import it again)`;
    const zh = `${file} 第 ${line} 行不是有效的 ${name.replace(' or ', ' 或 ')} 编码（${detail.replace(/^byte (\d+)/, '第 $1 字节')}），整个文件未导入；请另存为 UTF-8 后重新导入`;
    super('DATASET_ENCODING', `${en} / ${zh}`);
    this.label = { zh, en };
  }
}

/**
 * A CSV header no row can be read against (a repeated or empty column name): the whole file is
 * unusable. The problem is a catalogue text (`header.*`), said in the clerk's language by the
 * command; the message keeps its English.
 */
export class CsvHeaderError extends TuopinError {
  /** The problem in English, as the message says it. */
  readonly problem: string;

  constructor(
    readonly file: string,
    readonly line: number,
    readonly problemText: Text,
  ) {
    const problem = render('en', problemText);
    super('CSV_HEADER', `${file}:${line}: ${problem}`);
    this.problem = problem;
  }
}
