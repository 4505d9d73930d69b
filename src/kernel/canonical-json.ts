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

/**
 * What a shaped writer remembers at one position of the value: the key order it last saw
 * there and, for it, the sorted writing plan; and the positions below (array elements share
 * one). Records of one rule set carry the same fields in the same order nearly every time, so
 * the sort runs once per shape instead of once per object.
 */
interface Shape {
  keys: readonly string[] | null;
  plan: readonly { readonly key: string; readonly quoted: string; readonly below: Shape }[];
  readonly children: Map<string, Shape>;
  element: Shape | null;
}

const newShape = (): Shape => ({ keys: null, plan: [], children: new Map(), element: null });

/**
 * Whether a plain object's own keys are `keys`, in that order, without allocating their list.
 * Only for objects whose prototype is Object.prototype or null, where `for…in` visits exactly
 * the own enumerable string keys, in `Object.keys` order.
 */
function hasKeys(record: Record<string, unknown>, keys: readonly string[]): boolean {
  const prototype = Object.getPrototypeOf(record);
  if (prototype !== Object.prototype && prototype !== null) return false;
  let index = 0;
  for (const key in record) {
    if (keys[index] !== key) return false;
    index += 1;
  }
  return index === keys.length;
}

function planOf(shape: Shape, keys: string[]): Shape['plan'] {
  shape.keys = keys;
  shape.plan = [...keys].sort().map((key) => {
    let below = shape.children.get(key);
    if (!below) {
      below = newShape();
      if (shape.children.size < 1_000) shape.children.set(key, below);
    }
    return { key, quoted: quoted(key), below };
  });
  return shape.plan;
}

function writeShaped(value: unknown, shape: Shape): string | undefined {
  if (typeof value !== 'object' || value === null) return write(value);
  if (Array.isArray(value)) {
    const element = (shape.element ??= newShape());
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += writeShaped(value[index], element) ?? 'null';
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const plan = shape.keys !== null && hasKeys(record, shape.keys) ? shape.plan : planOf(shape, Object.keys(record));
  let text = '{';
  for (let index = 0; index < plan.length; index += 1) {
    const step = plan[index]!;
    const member = writeShaped(record[step.key], step.below);
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    text += step.quoted;
    text += ':';
    text += member;
  }
  return `${text}}`;
}

/**
 * A writer of exactly `canonicalJson`'s text that learns the shape of the values it is given:
 * for values of a recurring shape (one rule set's determination inputs) it writes the keys
 * in an order sorted once, not once per object. Any value is accepted; a new shape only costs
 * one sort. Keep one writer per kind of value, so shapes do not keep displacing each other.
 */
export function shapedCanonicalWriter(): (value: unknown) => string {
  const root = newShape();
  return (value) => writeShaped(value, root) ?? 'null';
}
