/** The row's own id, read from the raw value before validation, so a rejection can name it. */
export function recordId(raw: unknown, idField: string | undefined): string | undefined {
  if (idField === undefined || typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, idField)) return undefined;
  const id = (raw as Record<string, unknown>)[idField];
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}
