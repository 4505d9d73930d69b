import type { Survey } from './dataset-records.js';
import type { Prng } from './prng.js';

/**
 * A county's third-party sample survey (第三方评估): plausible sample sizes, and rates that are
 * mostly within the national limits with some above them and a few exactly on them.
 */
export function planSurvey(prng: Prng): Survey {
  const exitedSampled = prng.chance(0.2) ? 1000 : prng.int(16, 30) * 50;
  const unregisteredSampled = prng.int(20, 40) * 100;
  const householdsSurveyed = prng.int(10, 20) * 50;
  // One county in ten sits exactly on the 2% / 90% limits, so the inclusive comparisons are exercised.
  const onTheLine = prng.chance(0.1);
  const wrongRate = onTheLine ? 0.02 : prng.chance(0.75) ? prng.between(0.004, 0.018) : prng.between(0.021, 0.035);
  const omittedRate = onTheLine ? 0.02 : prng.chance(0.8) ? prng.between(0.002, 0.017) : prng.between(0.021, 0.03);
  const approvalRate = onTheLine ? 0.9 : prng.chance(0.85) ? prng.between(0.905, 0.99) : prng.between(0.84, 0.895);
  return {
    exitedSampled,
    wronglyExited: Math.round(exitedSampled * wrongRate),
    unregisteredSampled,
    omitted: Math.round(unregisteredSampled * omittedRate),
    householdsSurveyed,
    householdsApproving: Math.round(householdsSurveyed * approvalRate),
  };
}
