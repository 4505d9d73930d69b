import { nearestName } from '../../kernel/text.js';
import { DATA_DICTIONARY, type FieldEntry } from '../dictionary/data-dictionary.js';
import { RECORD_KINDS, RECORD_KIND_NAMES } from '../schemas/record-kinds.js';

/**
 * The words a county's 台账 uses for a record kind's columns, read from the bilingual data
 * dictionary: each column's zh header beside its English field name, and the dictionary entry
 * that says how the column's cells are translated to the contract's canonical values.
 */
export interface CsvVocabulary {
  /** Header text (English field name or zh name) → the field name. */
  readonly headers: ReadonlyMap<string, string>;
  /** Field name → its dictionary entry, for the cells of that column. */
  readonly entries: ReadonlyMap<string, FieldEntry>;
}

const BY_SCHEMA = new WeakMap<object, CsvVocabulary>();

// A column is a top-level or dotted field; `list[].key` entries live inside one JSON cell.
function vocabularyOf(entries: readonly FieldEntry[]): CsvVocabulary {
  const headers = new Map<string, string>();
  const byField = new Map<string, FieldEntry>();
  for (const entry of entries) {
    if (entry.field.includes('[]')) continue;
    headers.set(entry.field, entry.field);
    headers.set(entry.zh, entry.field);
    byField.set(entry.field, entry);
  }
  return { headers, entries: byField };
}

for (const kind of RECORD_KIND_NAMES) BY_SCHEMA.set(RECORD_KINDS[kind].schema, vocabularyOf(DATA_DICTIONARY[kind]));

/** The vocabulary of a record kind's schema, or `null` for a schema outside the data contract. */
export function csvVocabularyOf(schema: object): CsvVocabulary | null {
  return BY_SCHEMA.get(schema) ?? null;
}

/**
 * The known header an unknown one was most likely meant to be (`户编码` → `户编号`), or `null`
 * when it is near none: then it is an extra column, kept as the contract allows.
 */
export function nearestHeader(vocabulary: CsvVocabulary, header: string): string | null {
  return nearestName(header, [...vocabulary.headers.keys()]);
}
