import { NameGenerator } from './chinese-names.js';
import type { Principal, Survey, TownshipRecord } from './dataset-records.js';
import { Prng } from './prng.js';
import type { GenerationRates, Region, ResolvedOptions } from './province-options.js';
import { splitCount } from './split-count.js';
import { planSurvey } from './survey-plan.js';

/** How well a township or unit does its work, 0 (badly) to 1 (very well): drives its villages. */
export type Performance = number;

/** A township record as written, plus how well it works (which drives its villages). */
export interface TownshipPlan extends TownshipRecord {
  performance: Performance;
}

export interface UnitPlan {
  unitId: string;
  countyId: string;
  name: string;
  principal: Principal;
  performance: Performance;
}

export interface VillagePlan {
  villageId: string;
  townshipId: string;
  countyId: string;
  name: string;
  households: number;
  /** 0–1; the households' chance of meeting each standard item grows with it. */
  quality: number;
  /** Multiplies the share of poor and returned households (a nearly-done village has few). */
  poorShareFactor: number;
  /** People not listed in the households file, per listed member. */
  unlistedPerMember: number;
  populationMissing: boolean;
  collectiveIncome: number | null;
  hasHardenedRoad: boolean;
  hasStandardClinic: boolean;
  hasCultureRoom: boolean;
  hasNetwork: boolean;
  assistingUnitId: string;
}

export interface CountyPlan {
  countyId: string;
  name: string;
  province: string;
  region: Region;
  survey: Survey | null;
  /** The county's rural population beyond the sum of its villages, as a share of it. */
  populationSlack: number;
  tibetanShare: number;
  townships: TownshipPlan[];
  units: UnitPlan[];
  villages: VillagePlan[];
}

const provinces: Record<Region, readonly (readonly [string, string])[]> = {
  west: [['四川', '51'], ['四川', '51'], ['四川', '51'], ['甘肃', '62'], ['陕西', '61'], ['青海', '63']],
  central: [['河南', '41'], ['湖南', '43'], ['江西', '36']],
  east: [['浙江', '33'], ['福建', '35']],
};

const mean = (range: readonly [number, number]): number => (range[0] + range[1]) / 2;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Performance quotas: at least one weak and one strong unit wherever there are three or more. */
function performances(prng: Prng, count: number, lowShare: number, highShare: number): Performance[] {
  const low = count >= 3 ? Math.max(1, Math.round(count * lowShare)) : 0;
  const high = count >= 3 ? Math.max(1, Math.round(count * highShare)) : 0;
  const kinds = Array.from({ length: count }, (_, i) => (i < low ? 'low' : i < low + high ? 'high' : 'mid'));
  return prng.shuffled(kinds).map((kind) =>
    kind === 'low' ? prng.between(0, 0.3) : kind === 'high' ? prng.between(0.85, 1) : prng.between(0.45, 0.85),
  );
}

/** Unit sizes: every unit is paired with 1–5 villages. */
function unitSizes(prng: Prng, villages: number, units: number): number[] {
  const sizes = new Array<number>(units).fill(1);
  for (let left = villages - units; left > 0; left -= 1) {
    const open = sizes.flatMap((size, index) => (size < 5 ? [index] : []));
    const index = prng.pick(open);
    sizes[index] = (sizes[index] ?? 0) + 1;
  }
  return sizes;
}

interface CountyFrame {
  countyId: string;
  countyName: string;
  tibetanShare: number;
}

function planTownships(prng: Prng, names: NameGenerator, rates: GenerationRates, frame: CountyFrame, count: number): TownshipPlan[] {
  const width = Math.max(2, String(count).length);
  return performances(prng, count, rates.lowPerformerShare, rates.highPerformerShare).map((performance, t) => ({
    townshipId: `${frame.countyId}-${pad(t + 1, width)}`,
    countyId: frame.countyId,
    name: names.place(frame.countyId, prng.chance(0.4) ? '镇' : '乡'),
    hasStandardCentralSchool: prng.chance(0.96),
    hasQualifiedHealthCentre: prng.chance(0.95),
    hasServiceCentre: prng.chance(rates.townshipNullRate) ? null : prng.chance(0.96),
    principal: { name: names.person(frame.tibetanShare), title: '乡镇党委书记' },
    performance,
  }));
}

function planUnits(prng: Prng, names: NameGenerator, rates: GenerationRates, frame: CountyFrame, count: number): UnitPlan[] {
  const width = Math.max(2, String(count).length);
  return performances(prng, count, rates.lowPerformerShare, rates.highPerformerShare).map((performance, u) => {
    const { name, title } = names.unit(frame.countyId, frame.countyName);
    return {
      unitId: `U-${frame.countyId}-${pad(u + 1, width)}`,
      countyId: frame.countyId,
      name,
      principal: { name: names.person(frame.tibetanShare / 2), title },
      performance,
    };
  });
}

function planVillage(
  prng: Prng,
  names: NameGenerator,
  rates: GenerationRates,
  township: TownshipPlan,
  unit: UnitPlan,
  index: number,
  households: number,
): VillagePlan {
  // A village does as well as the township that runs it and the unit that assists it.
  const mix = 0.6 * township.performance + 0.4 * unit.performance + rates.qualityShift + 0.06 * prng.normal();
  const quality = Math.min(1, Math.max(0, mix));
  const nearlyDone = prng.chance(rates.nearlyDoneVillageShare);
  const nullShare = rates.villageNullRate / 2;
  const incomeDraw = prng.next();
  return {
    villageId: `${township.townshipId}-${pad(index + 1, 3)}`,
    townshipId: township.townshipId,
    countyId: township.countyId,
    name: names.place(township.townshipId, '村'),
    households,
    quality,
    poorShareFactor: nearlyDone ? prng.between(0.15, 0.4) : prng.between(1, 1.6),
    unlistedPerMember: prng.between(1, 3),
    populationMissing: prng.chance(nullShare),
    collectiveIncome:
      incomeDraw < nullShare ? null : incomeDraw < nullShare + 0.08 ? 0 : Math.round(prng.logNormal(30000, 0.7) / 100) * 100,
    hasHardenedRoad: prng.chance(0.93 + 0.06 * quality),
    hasStandardClinic: prng.chance(0.9 + 0.08 * quality),
    hasCultureRoom: prng.chance(0.92 + 0.07 * quality),
    hasNetwork: prng.chance(0.95 + 0.05 * quality),
    assistingUnitId: unit.unitId,
  };
}

/**
 * Lays out the province (counties, townships, villages, units and how many households each
 * village has) from the options alone. It holds one object per village, never per household.
 */
export function planProvince(options: ResolvedOptions): CountyPlan[] {
  const { rates } = options;
  const prng = new Prng(options.seed, 1);
  const names = new NameGenerator(new Prng(options.seed, 2));
  const villagesPerCounty = mean(rates.villagesPerTownship) * mean(rates.townshipsPerCounty);
  let villageCount = Math.max(1, Math.round(options.households / mean(rates.householdsPerVillage)));
  const countyCount = options.counties ?? Math.max(1, Math.round(villageCount / villagesPerCounty));
  villageCount = Math.max(villageCount, countyCount);
  const householdSplit = splitCount(prng, options.households, villageCount, ...rates.householdsPerVillage);
  const villageSplit = splitCount(prng, villageCount, countyCount, 0.75, 1.25);
  let nextVillage = 0;
  return villageSplit.map((countyVillages, countyIndex) => {
    const identity = countyIndex === 0 ? options.firstCounty : null;
    const region = identity?.region ?? prng.weighted(rates.regionWeights);
    const [province, code] = prng.pick(provinces[region]);
    const frame: CountyFrame = {
      countyId: identity?.countyId ?? `${code}${pad(1 + Math.floor(countyIndex / 20), 2)}${pad(21 + (countyIndex % 20), 2)}`,
      countyName: identity?.name ?? names.place('county', '县'),
      tibetanShare: region === 'west' ? prng.between(0.1, 0.6) : 0,
    };
    const townshipCount = Math.min(countyVillages, Math.max(1, Math.round(countyVillages / mean(rates.villagesPerTownship))));
    const townships = planTownships(prng, names, rates, frame, townshipCount);
    const unitCount = Math.min(
      countyVillages,
      Math.max(Math.ceil(countyVillages / 5), Math.round(countyVillages / rates.villagesPerUnit)),
    );
    const units = planUnits(prng, names, rates, frame, unitCount);
    const unitOfVillage = prng.shuffled(unitSizes(prng, countyVillages, unitCount).flatMap((size, u) => new Array<number>(size).fill(u)));
    const perTownship = splitCount(prng, countyVillages, townshipCount, 0.6, 1.4);
    const villages: VillagePlan[] = [];
    townships.forEach((township, t) => {
      for (let v = 0; v < (perTownship[t] ?? 0); v += 1) {
        const unit = units[unitOfVillage[villages.length] ?? 0] as UnitPlan;
        villages.push(planVillage(prng, names, rates, township, unit, v, householdSplit[nextVillage] ?? 0));
        nextVillage += 1;
      }
    });
    return {
      countyId: frame.countyId,
      name: frame.countyName,
      province: identity?.province ?? province,
      region,
      survey: prng.chance(rates.surveyAbsentRate) ? null : planSurvey(prng),
      populationSlack: prng.between(0, 0.03),
      tibetanShare: frame.tibetanShare,
      townships,
      units,
      villages,
    };
  });
}
