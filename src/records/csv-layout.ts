import type { CsvColumnKind, CsvColumns } from './csv-columns.js';
import { CsvHeaderError } from './csv-header-error.js';

/** Where a CSV column's cells go in the record, and how they are read. */
export interface CsvColumnPlan {
  readonly column: string;
  /** The position of the column's cell in a row. */
  readonly index: number;
  readonly kind: CsvColumnKind;
  /** Keys from the record down to the field; longer than one for dotted columns of object fields. */
  readonly path: readonly string[];
}

function isObjectField(columns: CsvColumns, name: string): boolean {
  return Object.hasOwn(columns, name) && Object.keys(columns).some((key) => key.startsWith(`${name}.`));
}

function planColumn(file: string, line: number, column: string, index: number, columns: CsvColumns): CsvColumnPlan {
  if (Object.hasOwn(columns, column)) {
    const segments = column.split('.');
    return { column, index, kind: columns[column]!, path: segments };
  }
  // An unknown column is an extra field, kept as text: inside the deepest known object it
  // extends (`housing.material`), else under its whole name (`note.x` stays one key).
  const segments = column.split('.');
  let objectDepth = 0;
  for (let depth = 1; depth < segments.length; depth += 1) {
    const prefix = segments.slice(0, depth).join('.');
    if (!Object.hasOwn(columns, prefix)) break;
    if (!isObjectField(columns, prefix)) {
      throw new CsvHeaderError(file, line, `column ${column}: ${prefix} is not an object; give it whole in a column named ${prefix}`);
    }
    objectDepth = depth;
  }
  return { column, index, kind: 'string', path: [...segments.slice(0, objectDepth), segments.slice(objectDepth).join('.')] };
}

/**
 * Reads a CSV header against the schema's columns. The plans come in the order cells are laid
 * down (whole fields before dotted ones, so dotted cells land on top of a whole-object cell).
 * Throws `CsvHeaderError` for an empty or repeated column name, or a dotted column under a
 * field that is not an object.
 */
export function planCsvColumns(file: string, line: number, header: readonly string[], columns: CsvColumns): CsvColumnPlan[] {
  const seen = new Set<string>();
  const plans = header.map((raw, index) => {
    const column = raw.trim();
    if (column === '') throw new CsvHeaderError(file, line, `column ${index + 1} has no name`);
    if (seen.has(column)) throw new CsvHeaderError(file, line, `column ${column} appears twice`);
    seen.add(column);
    return planColumn(file, line, column, index, columns);
  });
  return plans.sort((a, b) => a.path.length - b.path.length || a.index - b.index);
}
