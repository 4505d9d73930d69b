/**
 * JSON with object keys sorted at every depth and `undefined` members dropped: the same data
 * always gives the same text, whatever order its fields arrived in. Written out directly
 * (no sorted copy of the value) because every verdict's determination id hashes it.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

// Field names repeat across millions of records: quote each once.
const quotedKeys = new Map<string, string>();

function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, text);
  }
  return text;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return undefined; // undefined, functions and symbols, as JSON.stringify drops them
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += write(value[index]) ?? 'null';
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const member = write(record[key]);
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    text += quoted(key);
    text += ':';
    text += member;
  }
  return `${text}}`;
}
