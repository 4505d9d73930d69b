/**
 * The facts a standard computes from a record, ready for the rule language. A fact whose
 * value is `null` is missing; `missing` names the record fields behind it, so an `unknown`
 * item can say exactly what to fill in.
 */
export interface Facts {
  readonly values: Readonly<Record<string, unknown>>;
  readonly missing: Readonly<Record<string, readonly string[]>>;
}

/** Collects facts and the fields each missing one lacks. */
export class FactsBuilder {
  private readonly values: Record<string, unknown> = {};
  private readonly missing: Record<string, string[]> = {};

  /**
   * Sets a fact; a `null`/`undefined` value is recorded as missing because of `missingFields`.
   * Object facts read through a path (`water` with `$.qualityOk`) are named like the record
   * field, so a missing leaf is reported as `water.qualityOk`.
   */
  set(name: string, value: unknown, missingFields: readonly string[] = [name]): this {
    this.values[name] = value ?? null;
    if (value === null || value === undefined) this.missing[name] = [...missingFields];
    return this;
  }

  build(): Facts {
    return { values: this.values, missing: this.missing };
  }
}

/**
 * Reads `path` (`$.water.qualityOk`) from a fact value exactly as json-rules-engine's almanac
 * does: a path applies only to an object-like value (arrays included); anything else comes
 * back as it is. Each step is JSONPath-plus's: it is followed only on a truthy value that has
 * the step as an OWN property, so `$.constructor` is undefined while `$.length` of an array,
 * or of a non-empty string met along the way, is the length.
 */
export function resolvePath(value: unknown, path: string | undefined): unknown {
  // The almanac tests the path for truthiness, so an empty path means none.
  if (!path || typeof value !== 'object' || value === null) return value;
  let current: unknown = value;
  for (const step of path.slice(2).split('.')) {
    if (!current || !Object.hasOwn(current as object, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

export function isMissing(value: unknown): boolean {
  return value === null || value === undefined;
}
