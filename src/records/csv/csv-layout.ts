import type { CsvColumnKind, CsvColumns } from './csv-columns.js';
import { nearestHeader, type CsvVocabulary } from './csv-vocabulary.js';
import type { FieldEntry } from '../dictionary/data-dictionary.js';
import { CsvHeaderError } from '../record-errors.js';

/** Where a CSV column's cells go in the record, and how they are read. */
export interface CsvColumnPlan {
  readonly column: string;
  /** The position of the column's cell in a row. */
  readonly index: number;
  readonly kind: CsvColumnKind;
  /** Keys from the record down to the field; longer than one for dotted columns of object fields. */
  readonly path: readonly string[];
  /** The column's data dictionary entry, which says how a clerk's spelling of a cell is read. */
  readonly entry?: FieldEntry;
}

function isObjectField(columns: CsvColumns, name: string): boolean {
  return Object.hasOwn(columns, name) && Object.keys(columns).some((key) => key.startsWith(`${name}.`));
}

function planColumn(file: string, line: number, column: string, index: number, columns: CsvColumns, vocabulary: CsvVocabulary | null): CsvColumnPlan {
  if (Object.hasOwn(columns, column)) {
    const segments = column.split('.');
    const entry = vocabulary?.entries.get(column);
    return { column, index, kind: columns[column]!, path: segments, ...(entry === undefined ? {} : { entry }) };
  }
  // An unknown column is an extra field, kept as text: inside the deepest known object it
  // extends (`housing.material`), else under its whole name (`note.x` stays one key).
  const segments = column.split('.');
  let objectDepth = 0;
  for (let depth = 1; depth < segments.length; depth += 1) {
    const prefix = segments.slice(0, depth).join('.');
    if (!Object.hasOwn(columns, prefix)) break;
    if (!isObjectField(columns, prefix)) {
      throw new CsvHeaderError(file, line, { key: 'header.notObject', params: { column, prefix } });
    }
    objectDepth = depth;
  }
  // A header near a known one is a typo, not an extra field: refused once, here, with the name
  // it was likely meant to be, rather than every row being rejected for the missing field.
  const near = objectDepth > 0 || vocabulary === null ? null : nearestHeader(vocabulary, column);
  if (near !== null) {
    throw new CsvHeaderError(file, line, { key: 'header.unknown', params: { column, near } });
  }
  return { column, index, kind: 'string', path: [...segments.slice(0, objectDepth), segments.slice(objectDepth).join('.')] };
}

/**
 * The field a header names: its English name, its zh name, or both as the template writes them
 * (`户编号 householdId`, any white space or a line break between) when both name one field.
 */
function headerField(vocabulary: CsvVocabulary, written: string): string {
  const known = vocabulary.headers.get(written);
  if (known !== undefined) return known;
  const parts = written.split(/\s+/);
  if (parts.length < 2) return written;
  const zh = vocabulary.headers.get(parts.slice(0, -1).join(' '));
  return zh !== undefined && zh === vocabulary.headers.get(parts[parts.length - 1]!) ? zh : written;
}

/**
 * Reads a CSV header against the schema's columns, each named by its field or, given the kind's
 * vocabulary, by its zh name. The plans come in the order cells are laid
 * down (whole fields before dotted ones, so dotted cells land on top of a whole-object cell).
 * Throws `CsvHeaderError` for an empty or repeated column name, a dotted column under a field
 * that is not an object, or an unknown name near a known one (a typo, with the known name).
 */
export function planCsvColumns(file: string, line: number, header: readonly string[], columns: CsvColumns, vocabulary: CsvVocabulary | null = null): CsvColumnPlan[] {
  const seen = new Set<string>();
  const plans = header.map((raw, index) => {
    const written = raw.trim();
    if (written === '') throw new CsvHeaderError(file, line, { key: 'header.noName', params: { index: index + 1 } });
    // A zh header (`户编号`) reads as its field (`householdId`); both spellings of one field clash.
    const column = vocabulary === null ? written : headerField(vocabulary, written);
    if (seen.has(column)) throw new CsvHeaderError(file, line, { key: 'header.twice', params: { column: written === column ? column : `${written} (${column})` } });
    seen.add(column);
    return planColumn(file, line, column, index, columns, vocabulary);
  });
  return plans.sort((a, b) => a.path.length - b.path.length || a.index - b.index);
}
