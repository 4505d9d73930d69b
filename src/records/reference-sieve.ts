import { CompactIdMap } from './compact-id-map.js';
import type { IdIndex } from './id-index.js';
import type { Located } from './located.js';
import type { RejectedRow } from './rejected-row.js';

/** One reference a record must satisfy: the field it lives in and why it fails, or `null`. */
export interface ReferenceRule<T> {
  readonly field: string;
  readonly problem: (record: T) => string | null;
}

/** How the rows of one kind are keyed and what they must refer to. */
export interface SieveOptions<T> {
  /** The field a duplicate is reported on. */
  readonly keyField: string;
  /** What makes a row unique (its id, or unit and quarter for card history). */
  readonly key: (record: T) => string;
  readonly rules: readonly ReferenceRule<T>[];
  /**
   * Receives accepted and rejected keys, so later kinds can refer to them; absent for a kind
   * nothing refers to (households), whose rows an index would otherwise keep whole.
   */
  readonly index?: IdIndex<T>;
  /** The id put on a rejection; the key unless given. */
  readonly id?: (record: T) => string;
  /** Names a repeated key in the reason; `<keyField> "<key>"` unless given. */
  readonly describeKey?: (record: T) => string;
}

/**
 * Checks rows of one kind one at a time, in file order: a row whose key was seen before is
 * a duplicate (the first one stands), else the first rule it breaks rejects it. Holds only
 * the keys seen, so it can check a streamed file. Returns the rejection or `null`.
 */
export function referenceSieve<T>(options: SieveOptions<T>): (row: Located<T>) => RejectedRow | null {
  const { keyField, key, rules, index } = options;
  const id = options.id ?? key;
  const describeKey = options.describeKey ?? ((record: T) => `${keyField} ${JSON.stringify(key(record))}`);
  // Every key of a streamed province's file: held compactly, not as a Map of strings.
  const firstLine = new CompactIdMap();
  return (row) => {
    const rowKey = key(row.record);
    const first = firstLine.get(rowKey);
    let problem: { field: string; reason: string } | null = null;
    if (first !== undefined) {
      problem = { field: keyField, reason: `duplicate ${describeKey(row.record)}, first on line ${first}` };
    } else {
      firstLine.set(rowKey, row.line);
      for (const rule of rules) {
        const reason = rule.problem(row.record);
        if (reason !== null) {
          problem = { field: rule.field, reason };
          break;
        }
      }
    }
    if (problem === null) {
      index?.accept(rowKey, row);
      return null;
    }
    index?.reject(rowKey, row);
    return { file: row.file, line: row.line, ...problem, id: id(row.record) };
  };
}
