/**
 * DynamoDB's limits on one item, in bytes as DynamoDB counts them: the whole item (attribute
 * names plus values), a partition key value and a sort key value. Index keys (`gsi1pk`,
 * `gsi1sk`) are held to the same limits as the table's keys: DynamoDB refuses the write of an
 * item whose index key is too long.
 */
export const DYNAMO_LIMITS = {
  itemBytes: 400 * 1024,
  partitionKeyBytes: 2048,
  sortKeyBytes: 1024,
} as const;

/** The key attributes of the single table and its index, and which limit each is held to. */
export const KEY_ATTRIBUTES = { pk: 'partition', sk: 'sort', gsi1pk: 'partition', gsi1sk: 'sort' } as const;
export type KeyAttribute = keyof typeof KEY_ATTRIBUTES;

/** One limit an item breaks: a key attribute too long, or the whole item too big (naming its largest attribute). */
export type ItemLimitBreach =
  | { readonly limit: 'partition-key' | 'sort-key'; readonly attribute: KeyAttribute; readonly bytes: number; readonly max: number }
  | { readonly limit: 'item'; readonly bytes: number; readonly max: number; readonly largest: { readonly path: string; readonly bytes: number } | null };

/**
 * The size DynamoDB counts for an item as the DocumentClient marshals it: each attribute's name
 * in UTF-8 bytes plus its value's size (see `valueSize`). Undefined members are left out, as
 * the table's `removeUndefinedValues` does. Exact, not an estimate: it is what decides whether
 * a record fits.
 */
export function itemSize(item: Readonly<Record<string, unknown>>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += utf8Bytes(name) + valueSize(value);
  }
  return size;
}

/**
 * The size of one attribute value: a string by its UTF-8 bytes (not its characters: a Chinese
 * character is 3 bytes), a number by its significant digits (two to a byte, plus one, as
 * DynamoDB stores decimals), a boolean or null 1 byte, a list 3 bytes plus 1 per element, a
 * map 3 bytes plus 1 and the name's bytes per member.
 */
export function valueSize(value: unknown): number {
  if (typeof value === 'string') return utf8Bytes(value);
  if (typeof value === 'number') return numberSize(value);
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) {
    let size = 3;
    for (const element of value) size += 1 + valueSize(element === undefined ? null : element);
    return size;
  }
  if (typeof value === 'object') {
    let size = 3;
    for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
      if (member === undefined) continue;
      size += 1 + utf8Bytes(name) + valueSize(member);
    }
    return size;
  }
  // bigint and anything else the records never hold: count its text.
  return utf8Bytes(String(value));
}

/** The earlier, looser names of `itemSize` and `valueSize`, kept for the tally chunker. */
export const estimateItemSize = itemSize;
export const estimateValueSize = valueSize;

/**
 * Every limit of `DYNAMO_LIMITS` the item breaks, key attributes first; empty when it fits.
 * Pure and free of the AWS SDK, so a dataset reader can refuse a row before any store sees it.
 */
export function itemLimitBreaches(item: Readonly<Record<string, unknown>>): ItemLimitBreach[] {
  const breaches: ItemLimitBreach[] = [];
  for (const [attribute, role] of Object.entries(KEY_ATTRIBUTES) as [KeyAttribute, 'partition' | 'sort'][]) {
    const value = item[attribute];
    if (typeof value !== 'string') continue;
    const bytes = utf8Bytes(value);
    const max = role === 'partition' ? DYNAMO_LIMITS.partitionKeyBytes : DYNAMO_LIMITS.sortKeyBytes;
    if (bytes > max) breaches.push({ limit: role === 'partition' ? 'partition-key' : 'sort-key', attribute, bytes, max });
  }
  const bytes = itemSize(item);
  if (bytes > DYNAMO_LIMITS.itemBytes) breaches.push({ limit: 'item', bytes, max: DYNAMO_LIMITS.itemBytes, largest: largestMember(item) });
  return breaches;
}

/** The member holding most of the item, by dotted path, descending while one member holds more than half of its parent. */
function largestMember(value: unknown, path = ''): { path: string; bytes: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const members = value as Record<string, unknown>;
  let best: { name: string; bytes: number } | null = null;
  for (const [name, member] of Object.entries(members)) {
    if (member === undefined) continue;
    const bytes = valueSize(member);
    if (best === null || bytes > best.bytes) best = { name, bytes };
  }
  if (best === null) return null;
  const here = { path: path === '' ? best.name : `${path}.${best.name}`, bytes: best.bytes };
  const inner = largestMember(members[best.name], here.path);
  return inner !== null && inner.bytes * 2 > here.bytes ? inner : here;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * DynamoDB keeps a number as its significant decimal digits, two to a byte, plus a byte of
 * exponent (and one more for a negative number, and one when the digits pair up unevenly
 * against the decimal point). This is the rule dynalite models; zero takes 1 byte.
 */
function numberSize(value: number): number {
  if (value === 0) return 1;
  // Whole numbers, most of a record's (ages, years, counts), without making a string.
  if (Number.isSafeInteger(value)) {
    let rest = Math.abs(value);
    let trailing = 0;
    while (rest % 10 === 0) {
      rest /= 10;
      trailing += 1;
    }
    let digits = 0;
    for (; rest >= 1; rest = Math.floor(rest / 10)) digits += 1;
    const e = digits + trailing - 1;
    return 1 + Math.ceil(digits / 2) + (digits % 2 !== 0 || e % 2 !== 0 ? 0 : 1) + (value < 0 ? 1 : 0);
  }
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '').length;
  const e = Number(exponent);
  return 1 + Math.ceil(digits / 2) + (digits % 2 !== 0 || e % 2 !== 0 ? 0 : 1) + (value < 0 ? 1 : 0);
}
