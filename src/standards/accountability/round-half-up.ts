// A double carries 15 significant decimal digits faithfully: any decimal of up to 15 significant
// digits survives the trip to binary and back. Reading the number at that precision first snaps
// binary noise (0.1 * 3 = 0.30000000000000004, a sum landing at …4999999999 instead of …5)
// back onto the decimal the arithmetic meant, before the half-up decision is taken.
const SIGNIFICANT_DIGITS = 15;

/**
 * Rounds `x` to `decimals` decimal places, halves away from zero (四舍五入, Java's HALF_UP),
 * deciding on the decimal value `x` stands for rather than on its binary approximation:
 * a score that should be exactly half-way rounds up even if floating point put it a few
 * ulps below. Non-finite numbers are returned unchanged; `-0` becomes `0`.
 */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  // "d.dddddddddddddde±N": the mantissa digits m (an integer) and x = m × 10^(N − 14).
  const [mantissa, exponentText] = Math.abs(x).toExponential(SIGNIFICANT_DIGITS - 1).split('e') as [string, string];
  const digits = BigInt(mantissa.replace('.', ''));
  const shift = Number(exponentText) - (SIGNIFICANT_DIGITS - 1) + decimals;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    scaled = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) scaled += 1n;
  }
  if (scaled === 0n) return 0;
  const magnitude = Number(`${scaled}e-${decimals}`);
  return x < 0 ? -magnitude : magnitude;
}
