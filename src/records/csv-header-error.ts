import { TuopinError } from '../kernel/errors.js';

/** A CSV header no row can be read against (a repeated or empty column name): the whole file is unusable. */
export class CsvHeaderError extends TuopinError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super('CSV_HEADER', `${file}:${line}: ${problem}`);
  }
}
