/**
 * A value already written as JSON, as text or as its UTF-8 bytes: a writer of JSON lines puts
 * it out as it is instead of stringifying it again. Verdicts pass through a run's scratch files
 * into its output this way, which saves parsing and writing every verdict twice (gigabytes for
 * a province); kept as bytes they also stay outside the heap on the way.
 */
export class JsonText {
  constructor(readonly raw: string | Buffer) {}

  /** The JSON as text. */
  get text(): string {
    return typeof this.raw === 'string' ? this.raw : this.raw.toString('utf8');
  }
}

/** The JSON line of a row, without its newline: a `JsonText` as it is, anything else stringified. */
export function jsonLineOf(row: unknown): string | Buffer {
  return row instanceof JsonText ? row.raw : JSON.stringify(row);
}
