import { boundaryValues } from './boundary-values.js';
import { GenerateOptionsError } from './generate-options-error.js';

export type Region = 'west' | 'central' | 'east';
export type HouseholdStatus = 'poor' | 'exited' | 'returned' | 'applicant' | 'non-poor';
export type Profile = 'province' | 'sample';

/** Every knob of the generator; a profile fills them, `rates` overrides single ones. */
export interface GenerationRates {
  statusWeights: Record<HouseholdStatus, number>;
  householdsPerVillage: readonly [number, number];
  villagesPerTownship: readonly [number, number];
  townshipsPerCounty: readonly [number, number];
  /** Mean number of villages per assisting unit; each unit gets 1–5. */
  villagesPerUnit: number;
  regionWeights: Record<Region, number>;
  /** Share of households with one field null or absent. */
  missingRate: number;
  /** Share of households with one value exactly on a boundary of the standards. */
  boundaryRate: number;
  surveyAbsentRate: number;
  /** Share of townships whose hasServiceCentre is null. */
  townshipNullRate: number;
  /** Share of villages with ruralRegisteredPopulation or collectiveIncome null. */
  villageNullRate: number;
  /** Share of public notices shorter than the minimum. */
  noticeShortRate: number;
  /** Multiplies the probability of every 七不准 prohibition. */
  prohibitionScale: number;
  /** Shares of townships and units that perform badly or very well (drives scores and cards). */
  lowPerformerShare: number;
  highPerformerShare: number;
  /** Share of villages that are nearly done (few poor households left). */
  nearlyDoneVillageShare: number;
  /** Added to every village's quality (0–1): a negative shift makes a county that lags behind. */
  qualityShift: number;
}

/** The sample county's fixed identity (Sichuan-like). */
export interface CountyIdentity {
  countyId: string;
  name: string;
  province: string;
  region: Region;
}

export interface ProvinceOptions {
  seed: number;
  households: number;
  /** Number of counties; derived from the size when absent. */
  counties?: number;
  /** Assessment quarter, e.g. `2018Q4`; card history covers earlier quarters only. */
  quarter?: string;
  profile?: Profile;
  rates?: Partial<GenerationRates>;
  firstCounty?: CountyIdentity;
}

export interface ResolvedOptions {
  seed: number;
  households: number;
  counties: number | null;
  quarter: string;
  year: number;
  quarterOfYear: number;
  exitLine: number;
  rates: GenerationRates;
  firstCounty: CountyIdentity | null;
}

const provinceRates: GenerationRates = {
  statusWeights: { poor: 25, exited: 45, returned: 3, applicant: 7, 'non-poor': 20 },
  householdsPerVillage: [100, 400],
  villagesPerTownship: [5, 15],
  townshipsPerCounty: [8, 20],
  villagesPerUnit: 3,
  regionWeights: { west: 70, central: 20, east: 10 },
  missingRate: 0.02,
  boundaryRate: 0.02,
  surveyAbsentRate: 0.1,
  townshipNullRate: 0.02,
  villageNullRate: 0.02,
  noticeShortRate: 0.015,
  prohibitionScale: 1,
  lowPerformerShare: 0.15,
  highPerformerShare: 0.2,
  nearlyDoneVillageShare: 0.35,
  qualityShift: 0,
};

/** One small western county tuned so that every outcome of every standard occurs a few times. */
const sampleRates: GenerationRates = {
  ...provinceRates,
  householdsPerVillage: [55, 125],
  villagesPerTownship: [6, 10],
  townshipsPerCounty: [4, 6],
  villagesPerUnit: 3.8,
  regionWeights: { west: 1, central: 0, east: 0 },
  missingRate: 0.03,
  boundaryRate: 0.03,
  surveyAbsentRate: 0,
  townshipNullRate: 0.1,
  villageNullRate: 0.16,
  noticeShortRate: 0.02,
  lowPerformerShare: 0.25,
  highPerformerShare: 0.3,
  nearlyDoneVillageShare: 0.45,
  qualityShift: -0.12,
};

const sampleCounty: CountyIdentity = { countyId: '513336', name: '乡城县', province: '四川', region: 'west' };

function checkRange(name: string, range: readonly [number, number], min: number): void {
  if (!(Number.isInteger(range[0]) && Number.isInteger(range[1]) && range[0] >= min && range[1] >= range[0])) {
    throw new GenerateOptionsError(`${name} must be two integers min ≤ max, at least ${min}`);
  }
}

/** Checks the options and fills defaults from the profile; throws GenerateOptionsError. */
export function resolveOptions(options: ProvinceOptions): ResolvedOptions {
  const { seed, households } = options;
  if (!Number.isSafeInteger(seed)) throw new GenerateOptionsError(`seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(households) || households < 1) {
    throw new GenerateOptionsError(`households must be a positive integer, got ${households}`);
  }
  if (options.counties !== undefined && !(Number.isSafeInteger(options.counties) && options.counties >= 1)) {
    throw new GenerateOptionsError(`counties must be a positive integer, got ${options.counties}`);
  }
  const quarter = options.quarter ?? '2018Q4';
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!match) throw new GenerateOptionsError(`quarter must look like 2018Q4, got ${quarter}`);
  const year = Number(match[1]);
  const exitLine = boundaryValues.exitLine[year];
  if (exitLine === undefined) throw new GenerateOptionsError(`no exit line for ${year} (years 2014–2020 are known)`);
  const profile = options.profile ?? 'province';
  const rates: GenerationRates = { ...(profile === 'sample' ? sampleRates : provinceRates), ...options.rates };
  checkRange('householdsPerVillage', rates.householdsPerVillage, 1);
  checkRange('villagesPerTownship', rates.villagesPerTownship, 1);
  checkRange('townshipsPerCounty', rates.townshipsPerCounty, 1);
  if (!(rates.villagesPerUnit >= 1 && rates.villagesPerUnit <= 5)) {
    throw new GenerateOptionsError('villagesPerUnit must be between 1 and 5');
  }
  return {
    seed,
    households,
    counties: options.counties ?? (profile === 'sample' ? 1 : null),
    quarter,
    year,
    quarterOfYear: Number(match[2]),
    exitLine,
    rates,
    firstCounty: options.firstCounty ?? (profile === 'sample' ? sampleCounty : null),
  };
}
