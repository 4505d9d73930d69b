/**
 * A copy of `base` with `overrides` applied: nested objects merge, anything else (arrays,
 * null, scalars) replaces. A member set to `"$absent"` is removed, to test absent fields.
 */
export function mergeOverrides(base: unknown, overrides: unknown): unknown {
  if (overrides === '$absent') return undefined;
  if (!isPlainObject(base) || !isPlainObject(overrides)) return structuredClone(overrides);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    const next = mergeOverrides(merged[key], value);
    if (next === undefined) delete merged[key];
    else merged[key] = next;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
