/**
 * Base of every typed fault of Tuopin, in every layer: a stable `code` callers and the HTTP
 * error map (functions/_shared/http-errors.ts) rely on, a message naming ids but never personal
 * data, and the `cause` it wraps. A verdict is never an error; a broken rule set, dataset,
 * request or store is.
 */
export class TuopinError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A quarter that is not written like `2018Q4`. */
export class QuarterInvalidError extends TuopinError {
  constructor(readonly text: string) {
    super('QUARTER_INVALID', `quarter ${JSON.stringify(text)} is not like 2018Q3`);
  }
}
