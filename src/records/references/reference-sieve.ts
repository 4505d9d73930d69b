import { CompactIdMap } from './compact-id-map.js';
import type { Located } from '../parsing/parsed-row.js';
import { rejectedRowOf, type RejectedRow } from '../parsing/rejected-row.js';
import { render, type MessageKey, type Text } from '../../i18n/messages.js';

/** What an index holds, as a rejection names it (`reject.noun.*`). */
export type IndexNoun = 'county' | 'township' | 'assistingUnit' | 'village' | 'card';

/**
 * The ids of one kind of record as the reference checks go: those accepted, and those
 * rejected, so a row pointing at a rejected record can say where that record was.
 */
export class IdIndex<T> {
  private readonly accepted = new Map<string, Located<T>>();
  private readonly rejected = new Map<string, Located<T>>();

  constructor(readonly noun: IndexNoun) {}

  accept(id: string, row: Located<T>): void {
    this.accepted.set(id, row);
  }

  reject(id: string, row: Located<T>): void {
    if (!this.accepted.has(id) && !this.rejected.has(id)) this.rejected.set(id, row);
  }

  get(id: string): Located<T> | undefined {
    return this.accepted.get(id);
  }

  /** Why `id` cannot be referred to, or `null` when it can. */
  problem(id: string): Text | null {
    if (this.accepted.has(id)) return null;
    const noun: Text = { key: `reject.noun.${this.noun}` satisfies MessageKey };
    const rejected = this.rejected.get(id);
    if (rejected !== undefined) return { key: 'reject.wasRejected', params: { noun, id: JSON.stringify(id), file: rejected.file, line: rejected.line } };
    return { key: 'reject.unknown', params: { noun, id: JSON.stringify(id) } };
  }
}

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

/** One reference a record must satisfy: the field it lives in and why it fails, or `null`. */
export interface ReferenceRule<T> {
  readonly field: string;
  readonly problem: (record: T) => Text | null;
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
    let problem: { field: string; text: Text } | null = null;
    if (first !== undefined) {
      problem = { field: keyField, text: { key: 'reject.duplicate', params: { key: describeKey(row.record), first } } };
    } else {
      firstLine.set(rowKey, row.line);
      for (const rule of rules) {
        const text = rule.problem(row.record);
        if (text !== null) {
          problem = { field: rule.field, text };
          break;
        }
      }
    }
    if (problem === null) {
      index?.accept(rowKey, row);
      return null;
    }
    index?.reject(rowKey, row);
    return rejectedRowOf(row.file, row.line, [{ ...problem, reason: render('en', problem.text) }], id(row.record));
  };
}
