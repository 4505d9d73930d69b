import type { CardRecord, UnitType } from '../../standards/accountability/accountability-input.js';
import type { ListRow, ScoreRow } from '../../standards/accountability/accountability-output.js';
import type { Stores } from '../../ports/stores.js';
import { SubjectNotFoundError, AccountabilityNotFoundError } from '../use-case-errors.js';

/** A score row with the unit's name, ranked. */
export interface RankedScore extends ScoreRow {
  readonly rank: number;
  readonly unitName: string | null;
}

export interface CountyAccountability {
  readonly countyId: string;
  readonly quarter: string;
  /** By score descending (rank 1 is the best), ties by unit type and id. */
  readonly scores: readonly RankedScore[];
  /** Interview list first, as the nightly run wrote them. */
  readonly lists: readonly ListRow[];
}

/**
 * The quarter's scores (ranked, with unit names from the township and unit records), and the
 * interview and resignation lists with their reasons and the households and villages behind them.
 */
export async function countyAccountability(stores: Pick<Stores, 'records' | 'accountability'>, countyId: string, quarter: string): Promise<CountyAccountability> {
  const county = await stores.records.getCounty(countyId);
  if (!county) throw new SubjectNotFoundError('county', countyId);
  const [scores, lists, townships, units] = await Promise.all([
    stores.accountability.listScores(quarter, countyId),
    stores.accountability.listLists(quarter, countyId),
    stores.records.listTownships(countyId),
    stores.records.listUnits(countyId),
  ]);
  if (scores.length === 0) throw new AccountabilityNotFoundError(countyId, quarter);
  const names = new Map<string, string | null>([
    ...townships.map((township) => [`township#${township.townshipId}`, township.name] as const),
    ...units.map((unit) => [`assisting-unit#${unit.unitId}`, unit.name] as const),
  ]);
  const ranked = [...scores].sort((a, b) => b.score - a.score || (a.unitType < b.unitType ? -1 : a.unitType > b.unitType ? 1 : 0) || (a.unitId < b.unitId ? -1 : 1));
  return {
    countyId,
    quarter,
    scores: ranked.map((row, index) => ({ ...row, rank: index + 1, unitName: names.get(`${row.unitType}#${row.unitId}`) ?? null })),
    lists,
  };
}

/** A unit's cards across quarters, oldest first. */
export async function unitCardHistory(stores: Pick<Stores, 'accountability'>, unitType: UnitType, unitId: string): Promise<CardRecord[]> {
  return [...(await stores.accountability.listCards(unitType, unitId))].sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0));
}
