/** A parsed record and where it came from, so a later rejection can still point at its line. */
export interface Located<T> {
  readonly file: string;
  readonly line: number;
  readonly record: T;
}
