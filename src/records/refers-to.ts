import type { IdIndex } from './id-index.js';
import type { ReferenceRule } from './reference-sieve.js';

/** The rule "this field names an accepted record of `index`"; a `null` reference passes (it is optional). */
export function refersTo<T, R>(field: string, index: IdIndex<R>, value: (record: T) => string | null): ReferenceRule<T> {
  return {
    field,
    problem: (record) => {
      const id = value(record);
      return id === null ? null : index.problem(id);
    },
  };
}
