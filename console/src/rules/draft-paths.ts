/**
 * A draft rule set is edited as one JSON document: the form and the raw JSON both read and
 * write it by the dotted paths the publish gate names its problems with
 * (`parameters.exitLine.byYear.2018`, `items.0.conditions.operator`). Pure functions, so the
 * form, the JSON pane and the problem list agree on what a path means.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The steps of a dotted path; `(root)` and the empty path are the document itself. */
export function stepsOf(path: string): string[] {
  return path === '' || path === '(root)' ? [] : path.split('.');
}

export function joinPath(...steps: (string | number)[]): string {
  return steps.filter((step) => step !== '').join('.');
}

/** The value at `path`, or undefined when a step is missing. */
export function getAt(document: Json, path: string): Json | undefined {
  let here: Json | undefined = document;
  for (const step of stepsOf(path)) {
    if (here === null || typeof here !== 'object') return undefined;
    here = Array.isArray(here) ? here[Number(step)] : here[step];
  }
  return here;
}

/**
 * A copy of `document` with `value` at `path` (undefined removes the key), copying only the
 * containers on the way so unchanged branches keep their identity (React re-renders less).
 * Missing containers are made as objects.
 */
export function setAt(document: Json, path: string, value: Json | undefined): Json {
  const steps = stepsOf(path);
  if (steps.length === 0) return value ?? null;
  const [head, ...rest] = steps as [string, ...string[]];
  const container: Json = document !== null && typeof document === 'object' ? document : {};
  const child = Array.isArray(container) ? container[Number(head)] : container[head];
  const next = rest.length === 0 ? value : setAt(child ?? {}, rest.join('.'), value);
  if (Array.isArray(container)) {
    const copy = [...container];
    if (next === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = next;
    return copy;
  }
  const copy: JsonObject = { ...container };
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

/**
 * The form field a problem is shown at: the field whose path is the problem's path or its
 * nearest ancestor (`parameters.exitLine.byYear` is shown at the exit-line grid,
 * `items.0.conditions.all.1.value` at the condition). Null when no field holds it: the problem is
 * then shown in the list only.
 */
export function fieldOf(problemPath: string | undefined, fieldPaths: ReadonlySet<string>): string | null {
  if (problemPath === undefined) return null;
  const steps = stepsOf(problemPath);
  for (let n = steps.length; n > 0; n -= 1) {
    const candidate = steps.slice(0, n).join('.');
    if (fieldPaths.has(candidate)) return candidate;
  }
  return null;
}

/** JSON as the JSON pane shows it: two-space indented, as the reviewed files are written. */
export const formatJson = (value: Json): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The JSON pane's text read back: the document, or where the text stops being JSON (line and
 * column from the parser's offset, when it gives one).
 */
export function parseJsonText(text: string): { ok: true; value: Json } | { ok: false; message: string; line: number | null } {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message);
    const line = offset ? text.slice(0, Number(offset[1])).split('\n').length : null;
    return { ok: false, message, line };
  }
}

/** One value that differs between two documents, by its dotted path (`undefined`: absent on that side). */
export interface PathChange {
  readonly path: string;
  readonly before: Json | undefined;
  readonly after: Json | undefined;
}

/**
 * The leaves that differ between two versions of a document, by path, in document order: what
 * a reviewer reads as the diff of a draft to the version before (`parameters.exitLine.byYear.2018:
 * 3535 → 4200`). Lists of primitives compare as one value.
 */
export function diffPaths(before: Json | undefined, after: Json | undefined, path = ''): PathChange[] {
  const container = (value: Json | undefined) => value !== null && typeof value === 'object' && !(Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'));
  if (container(before) && container(after) && Array.isArray(before) === Array.isArray(after)) {
    const a = before as Record<string, Json>;
    const b = after as Record<string, Json>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) => diffPaths(a[key], b[key], joinPath(path, key)));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(root)', before, after }];
}
