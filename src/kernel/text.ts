/** Orders strings by UTF-16 code units, independent of the locale, for deterministic output. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * The known name closest to what a person typed, for "did you mean …?" hints on a mistyped
 * command, option or column header. Closeness is the Damerau–Levenshtein distance (an
 * adjacent swap such as `socre` → `score` counts as one edit), case-insensitive.
 */

/** Edits (insert, delete, substitute, swap adjacent) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate nearest to `typed`, or `null` when none is near enough to be a plausible
 * typo: at most a third of the typed length in edits (and at least one edit allowed), so
 * `frobnicate` suggests nothing rather than something arbitrary. Ties go to the earlier
 * candidate, so the caller's order decides.
 */
export function nearestName(typed: string, candidates: readonly string[]): string | null {
  const wanted = typed.toLowerCase();
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: { name: string; distance: number } | null = null;
  for (const name of candidates) {
    const distance = editDistance(wanted, name.toLowerCase());
    if (distance <= limit && (best === null || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}
