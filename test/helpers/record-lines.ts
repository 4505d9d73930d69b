import type { Located } from '../../src/records/parsing/parsed-row.js';

/** Lines as a parser receives them from a file. */
export async function* linesOf(...lines: string[]): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

/** The lines of a JSON Lines file holding these values (strings are taken as raw lines). */
export function jsonLines(...values: unknown[]): AsyncGenerator<string> {
  return linesOf(...values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))));
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Records placed in a file, one per line from line 1, for the reference checks. */
export function located<T>(file: string, records: readonly T[]): Located<T>[] {
  return records.map((record, index) => ({ file, line: index + 1, record }));
}
