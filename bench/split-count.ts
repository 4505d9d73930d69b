import type { Prng } from './prng.js';

/**
 * Splits `total` into `parts` integers that sum to exactly `total`, proportionally to weights
 * drawn uniformly from [minWeight, maxWeight], each part at least `minEach` when the total allows.
 * Largest remainders go first, ties to the lower index, so the split is deterministic.
 */
export function splitCount(
  prng: Prng,
  total: number,
  parts: number,
  minWeight: number,
  maxWeight: number,
  minEach = 1,
): number[] {
  const floor = total >= parts * minEach ? minEach : 0;
  const weights = Array.from({ length: parts }, () => prng.between(minWeight, maxWeight));
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const spare = total - floor * parts;
  const exact = weights.map((w) => (spare * w) / weightSum);
  const result = exact.map((x) => floor + Math.floor(x));
  let left = total - result.reduce((sum, n) => sum + n, 0);
  const order = exact
    .map((x, index) => ({ index, remainder: x - Math.floor(x) }))
    .sort((p, q) => q.remainder - p.remainder || p.index - q.index);
  for (const { index } of order) {
    if (left <= 0) break;
    result[index] = (result[index] ?? 0) + 1;
    left -= 1;
  }
  return result;
}
