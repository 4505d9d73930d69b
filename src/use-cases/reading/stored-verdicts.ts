import type { SubjectType, Verdict } from '../../engine/verdict.js';
import type { Stores } from '../../ports/stores.js';
import type { VerdictStore } from '../../ports/verdict-store.js';
import { SubjectNotFoundError, VerdictsNotFoundError } from '../use-case-errors.js';

/** The latest stored verdicts of a subject, by standard then year; none stored is not found. */
export async function findSubjectVerdicts(verdicts: VerdictStore, subjectType: SubjectType, subjectId: string): Promise<Verdict[]> {
  const found = await verdicts.getSubjectVerdicts(subjectType, subjectId);
  if (found.length === 0) throw new VerdictsNotFoundError(subjectType, subjectId);
  return [...found].sort((a, b) => (a.ruleSetId < b.ruleSetId ? -1 : a.ruleSetId > b.ruleSetId ? 1 : a.year - b.year));
}

export interface HouseholdVerdicts {
  readonly householdId: string;
  /** 户主姓名 where the record has one, else null: personal data, for the signed-in callers of the route only, never logged. */
  readonly headName: string | null;
  readonly status: string;
  /** The household's stored verdicts of the year, by standard. */
  readonly verdicts: readonly Verdict[];
}

export interface VillageHouseholds {
  readonly village: { readonly villageId: string; readonly name: string | null; readonly townshipId: string; readonly countyId: string };
  readonly year: number;
  /** The village's own verdicts of the year (village-exit). */
  readonly villageVerdicts: readonly Verdict[];
  /** Every household of the village, by id, with its verdicts (none when its status is not judged). */
  readonly households: readonly HouseholdVerdicts[];
}

const byStandard = (a: Verdict, b: Verdict) => (a.ruleSetId < b.ruleSetId ? -1 : a.ruleSetId > b.ruleSetId ? 1 : 0);

/**
 * A village's households with their verdicts and explanations for one assessment year: the
 * village record, its households (one query) and its verdict partition (one query). Of each
 * record only the id, the head's name (户主姓名, which the data contract says the console shows
 * wherever it lists households) and the status are returned: no members, income or other fields.
 */
export async function villageHouseholds(stores: Pick<Stores, 'records' | 'verdicts'>, villageId: string, year: number): Promise<VillageHouseholds> {
  const village = await stores.records.getVillage(villageId);
  if (!village) throw new SubjectNotFoundError('village', villageId);
  const [households, verdicts] = await Promise.all([stores.records.listHouseholds(villageId), stores.verdicts.listPartitionVerdicts(villageId, year)]);
  const bySubject = new Map<string, Verdict[]>();
  for (const verdict of verdicts) {
    if (verdict.subjectType !== 'household') continue;
    bySubject.set(verdict.subjectId, [...(bySubject.get(verdict.subjectId) ?? []), verdict]);
  }
  return {
    village: { villageId: village.villageId, name: village.name, townshipId: village.townshipId, countyId: village.countyId },
    year,
    villageVerdicts: verdicts.filter((verdict) => verdict.subjectType === 'village').sort(byStandard),
    households: households.map((household) => ({
      householdId: household.householdId,
      // An empty name is no name, as the reports read it (src/reports/report-names.ts).
      headName: typeof household.headName === 'string' && household.headName.length > 0 ? household.headName : null,
      status: household.status,
      verdicts: (bySubject.get(household.householdId) ?? []).sort(byStandard),
    })),
  };
}
