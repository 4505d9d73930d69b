import type { z } from 'zod';

/** How a CSV cell is turned into a value before the record's schema checks it. */
export type CsvColumnKind = 'string' | 'number' | 'boolean' | 'json';

/** Column name (dotted for nested fields) → kind; plain data, so it can be printed or shipped as JSON. */
export type CsvColumns = Readonly<Record<string, CsvColumnKind>>;

interface Introspectable {
  readonly def: { readonly type: string; readonly innerType?: unknown; readonly shape?: Record<string, unknown>; readonly values?: readonly unknown[] };
}

const cache = new WeakMap<object, CsvColumns>();

/** Looks through the wrappers that only say "may be missing" to the type of the value itself. */
function unwrap(schema: Introspectable): Introspectable {
  let current = schema;
  while (['default', 'nullable', 'optional', 'prefault', 'readonly'].includes(current.def.type) && current.def.innerType !== undefined) {
    current = current.def.innerType as Introspectable;
  }
  return current;
}

function kindOf(schema: Introspectable): CsvColumnKind {
  switch (schema.def.type) {
    case 'string':
    case 'enum':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'literal': {
      const values = schema.def.values ?? [];
      if (values.every((v) => typeof v === 'number')) return 'number';
      if (values.every((v) => typeof v === 'boolean')) return 'boolean';
      return values.every((v) => typeof v === 'string') ? 'string' : 'json';
    }
    default:
      return 'json';
  }
}

function collect(shape: Record<string, unknown>, prefix: string, into: Record<string, CsvColumnKind>): void {
  for (const [key, value] of Object.entries(shape)) {
    const inner = unwrap(value as Introspectable);
    const column = prefix + key;
    into[column] = kindOf(inner);
    // An object field may come as one JSON cell or as dotted columns, one per nested field.
    if (inner.def.type === 'object' && inner.def.shape !== undefined) collect(inner.def.shape, `${column}.`, into);
  }
}

/**
 * The CSV columns a record schema understands, read from the zod schema itself so the CSV
 * reader can never drift from the contract: scalars by their type, enums as strings, lists
 * as JSON, and object fields both as a JSON column and as dotted columns of their fields.
 */
export function describeCsvColumns(schema: z.ZodType): CsvColumns {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  const root = unwrap(schema as unknown as Introspectable);
  const columns: Record<string, CsvColumnKind> = {};
  if (root.def.type === 'object' && root.def.shape !== undefined) collect(root.def.shape, '', columns);
  cache.set(schema, columns);
  return columns;
}
