import { boundaryValues } from './boundary-values.js';
import type { HouseholdRecord, HousingRecord, MemberRecord, WaterRecord } from './dataset-records.js';
import { applyBoundary } from './household-boundary.js';
import { applyMissing } from './household-missing.js';
import { generateMembers } from './household-members.js';
import { generateNotices } from './household-notices.js';
import type { Prng } from './prng.js';
import type { GenerationRates, HouseholdStatus } from './province-options.js';

/** What one household inherits from its village and from the run. */
export interface HouseholdContext {
  year: number;
  quarterOfYear: number;
  exitLine: number;
  rates: GenerationRates;
  /** The village's quality, 0–1. */
  quality: number;
  poorShareFactor: number;
}

// Per status: the odds of an income below the line (growing with the village's deficiency `d`),
// the lowest such income as a share of the line, and the median excess over the line above it.
const incomeShape: Record<HouseholdStatus, { below: (d: number) => number; excess: number; floor: number }> = {
  poor: { below: (d) => 0.03 + 0.6 * d, excess: 0.35, floor: 0.45 },
  returned: { below: (d) => 0.35 + 0.3 * d, excess: 0.3, floor: 0.4 },
  exited: { below: (d) => 0.004 + 0.25 * d, excess: 0.9, floor: 0.6 },
  applicant: { below: () => 0.55, excess: 0.25, floor: 0.3 },
  'non-poor': { below: (d) => 0.03 + 0.1 * d, excess: 1.6, floor: 0.7 },
};
const prohibitionScaleOf: Record<HouseholdStatus, number> = {
  applicant: 1, poor: 0.15, returned: 0.15, exited: 0.3, 'non-poor': 1.5,
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

function drawStatus(prng: Prng, ctx: HouseholdContext): HouseholdStatus {
  const w = ctx.rates.statusWeights;
  const f = ctx.poorShareFactor;
  // Poor and returned households a village has fewer (or more) of are exited ones instead.
  const exited = Math.max(1, w.exited + (w.poor + w.returned) * (1 - f));
  return prng.weighted({ poor: w.poor * f, exited, returned: w.returned * f, applicant: w.applicant, 'non-poor': w['non-poor'] });
}

// 建档立卡 began in 2014: most households were registered then, fewer each later year.
const registrationWeights: Record<number, number> = { 2014: 50, 2015: 15, 2016: 13, 2017: 12 };

/** Registration, return and planned exit years, consistent with one another and with `year`. */
function drawYears(prng: Prng, status: HouseholdStatus, year: number) {
  if (status === 'applicant' || status === 'non-poor') return { registeredYear: null, returnedYear: null, plannedExitYear: null };
  const pickYear = (from: number, to: number): number => (to <= from ? from : prng.int(from, to));
  const registration = (last: number): number => {
    const weights: Record<string, number> = {};
    for (let y = 2014; y <= Math.max(2014, last); y += 1) weights[y] = registrationWeights[y] ?? 10;
    return Number(prng.weighted(weights));
  };
  if (status === 'returned') {
    const registeredYear = registration(year - 1);
    const returnedYear = prng.chance(0.4) ? year : pickYear(registeredYear + 1, year);
    const plannedExitYear = prng.chance(0.3) ? null : Math.min(2020, Math.max(year, returnedYear + prng.int(0, 1)));
    return { registeredYear, returnedYear, plannedExitYear };
  }
  if (status === 'exited') {
    // An exited household left poverty after the year it was registered.
    const registeredYear = registration(year - 1);
    const plannedExitYear = prng.chance(0.05) ? null : prng.chance(0.3) ? year : pickYear(Math.max(2016, registeredYear + 1), year);
    return { registeredYear, returnedYear: null, plannedExitYear };
  }
  const registeredYear = registration(year);
  // A household registered this year is planned to exit in a later year.
  const firstPlan = Math.min(2020, registeredYear === year ? year + 1 : year);
  const plannedExitYear = prng.chance(0.1) ? null : prng.chance(0.5) ? firstPlan : pickYear(firstPlan, 2020);
  return { registeredYear, returnedYear: null, plannedExitYear };
}

function drawIncome(prng: Prng, status: HouseholdStatus, line: number, deficiency: number, plannedNow: boolean): number {
  const shape = incomeShape[status];
  const below = shape.below(deficiency) * (plannedNow ? 0.6 : 1);
  if (prng.chance(below)) return round1(line * prng.between(shape.floor, 1));
  return round1(line * (1 + prng.logNormal(shape.excess, 0.55)));
}

function drawHousing(prng: Prng, status: HouseholdStatus, d: number): HousingRecord {
  const scale = status === 'applicant' ? 2.5 : status === 'exited' || status === 'non-poor' ? 0.5 : 1;
  if (prng.chance(status === 'applicant' ? 0.02 : 0.003)) return { hasHouse: false, safetyGrade: null, relocated: false, movedIn: null };
  const unsafe = prng.chance((0.01 + 0.15 * d) * scale);
  const grade = unsafe ? (prng.chance(0.3) ? 'D' : 'C') : prng.chance(0.5) ? 'A' : 'B';
  if (status !== 'non-poor' && status !== 'applicant' && prng.chance(0.08)) {
    // 易地扶贫搬迁: the grade is the new house's; what matters is whether they have moved in.
    const movedIn = !prng.chance((0.05 + 0.3 * d) * (status === 'exited' ? 0.3 : 1));
    return { hasHouse: true, safetyGrade: movedIn ? 'A' : grade, relocated: true, movedIn };
  }
  return { hasHouse: true, safetyGrade: grade, relocated: false, movedIn: null };
}

function drawWater(prng: Prng, quality: number, d: number, gapScale: number): WaterRecord {
  const piped = prng.chance(0.65 + 0.3 * quality);
  // Piped water rarely falls short; carried water more often, and more so in a neglected village.
  const k = (piped ? 1 / 3 : 1) * gapScale;
  const fail = (base: number, slope: number): boolean => prng.chance((base + slope * d) * k);
  return {
    qualityOk: !fail(0.003, 0.02),
    litresPerPersonDay: fail(0.006, 0.08) ? prng.int(20, 39) : prng.int(piped ? 45 : 40, 80),
    fetchMinutes: piped ? 0 : fail(0.006, 0.08) ? prng.int(21, 40) : prng.int(0, 20),
    reliabilityPct: fail(0.005, 0.05) ? round1(prng.between(85, 94.9)) : round1(prng.between(95, 100)),
  };
}

function drawSpending(prng: Prng, members: readonly MemberRecord[]) {
  const ill = members.some((m) => m.seriousIllness);
  const medicalSelfPaid = ill ? Math.round(prng.logNormal(8000, 0.8) / 10) * 10 : prng.chance(0.4) ? 0 : prng.int(10, 200) * 10;
  let education = 0;
  for (const m of members) {
    if (m.schooling === 'enrolled') education += (m.age ?? 0) <= 15 ? prng.int(20, 150) * 10 : prng.int(200, 800) * 10;
  }
  const disasterLoss = prng.chance(0.93) ? 0 : Math.round(prng.logNormal(4000, 0.9) / 100) * 100;
  return { medicalSelfPaid, education, disasterLoss };
}

/** One household of a village, from its own PRNG stream. */
export function generateHousehold(prng: Prng, ctx: HouseholdContext, householdId: string, villageId: string): HouseholdRecord {
  const status = drawStatus(prng, ctx);
  // Exited and non-poor households met the standard once: in a well-run village their gaps are
  // rare, in a neglected one the 回头看 finds many.
  const d0 = 1 - ctx.quality;
  const settled = status === 'exited' || status === 'non-poor';
  const d = settled ? d0 * d0 : d0;
  const gapScale = settled ? 0.5 : 1;
  const years = drawYears(prng, status, ctx.year);
  const scale = prohibitionScaleOf[status] * ctx.rates.prohibitionScale;
  const members = generateMembers(prng, { deficiency: d, gapScale, prohibitionScale: scale });
  const vehicle = prng.chance(0.03 * scale);
  const away = prng.chance(0.02 * scale);
  const household: HouseholdRecord = {
    householdId,
    villageId,
    status,
    ...years,
    incomePerCapita: drawIncome(prng, status, ctx.exitLine, d, years.plannedExitYear === ctx.year),
    members,
    housing: drawHousing(prng, status, d),
    water: drawWater(prng, ctx.quality, d, gapScale),
    electricity: !prng.chance((0.002 + 0.008 * d) * gapScale),
    radioTv: !prng.chance((0.004 + 0.02 * d) * gapScale),
    assets: {
      townProperty: prng.chance(0.02 * scale),
      vehicleValue: vehicle ? prng.int(30, 120) * 1000 : prng.chance(0.85) ? 0 : prng.int(20, 290) * 100,
      ownsBusiness: prng.chance(0.012 * scale),
      hiresLabour: prng.chance(0.006 * scale),
    },
    awayMonths: away ? prng.int(boundaryValues.awayMonths, 36) : prng.chance(0.12) ? prng.int(1, 11) : 0,
    splitHousehold: prng.chance(0.012 * scale),
    spending: drawSpending(prng, members),
    notices: generateNotices(prng, status, years, ctx),
  };
  if (prng.chance(ctx.rates.boundaryRate)) applyBoundary(prng, household, ctx);
  if (prng.chance(ctx.rates.missingRate * (0.5 + d))) applyMissing(prng, household);
  return household;
}
