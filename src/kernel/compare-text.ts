/** Orders strings by UTF-16 code units, independent of the locale, for deterministic output. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
