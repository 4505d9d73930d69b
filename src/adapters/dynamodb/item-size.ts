/**
 * An upper estimate of the size DynamoDB counts for an item (attribute names plus values, as the
 * DocumentClient marshals them): strings by UTF-8 bytes, numbers by their decimal text (DynamoDB
 * needs at most that), booleans and nulls 1 byte, lists and maps 3 bytes plus 1 per element and
 * their key names. Used to cut big items before DynamoDB's 400 KB limit rejects them.
 */
export function estimateItemSize(item: Readonly<Record<string, unknown>>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name) + estimateValueSize(value);
  }
  return size;
}

/** The estimated size of one attribute value (see `estimateItemSize`). */
export function estimateValueSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return String(value).length + 1;
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) {
    let size = 3;
    for (const element of value) size += 1 + estimateValueSize(element === undefined ? null : element);
    return size;
  }
  if (typeof value === 'object') {
    let size = 3;
    for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
      if (member === undefined) continue;
      size += 1 + Buffer.byteLength(name) + estimateValueSize(member);
    }
    return size;
  }
  // bigint and anything else the records never hold: count its text.
  return String(value).length + 1;
}
