/**
 * A value already written as JSON: a writer of JSON lines puts its text as is instead of
 * stringifying it again. Verdicts pass through a run's scratch files and into its output as
 * text, which saves parsing and writing every verdict twice (gigabytes for a province).
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** The JSON line of a row: a `JsonText`'s own text, anything else stringified. */
export function jsonLineOf(row: unknown): string {
  return row instanceof JsonText ? row.text : JSON.stringify(row);
}
