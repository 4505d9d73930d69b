import type { Stores } from '../../ports/stores.js';

/**
 * What a dataset holds of the counties it covers, by id: the records it brought, and the ids of
 * its rejected rows (a row the dataset still holds, only unreadable today, is not 清退: its
 * stored record stays and its village is reported incomplete instead).
 */
export interface DatasetHoldings {
  readonly countyIds: ReadonlySet<string>;
  readonly townshipIds: ReadonlySet<string>;
  readonly villageIds: ReadonlySet<string>;
  readonly unitIds: ReadonlySet<string>;
  /** Household ids by the village the dataset puts them in (of `villagesStoredBefore` only, when that is given). */
  readonly householdsByVillage: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The villages the store held before the import wrote anything. A village it did not hold
   * had no households (a village is deleted only after its households), so all it holds now
   * came with the dataset and it is not read back: a first import reads no household.
   */
  readonly villagesStoredBefore?: ReadonlySet<string>;
  /** Ids named by rejected rows, of any kind. */
  readonly rejectedIds: ReadonlySet<string>;
}

/** The households removed from one village (the 清退 list of that village). */
export interface RemovedFromVillage {
  readonly countyId: string;
  readonly villageId: string;
  /** The village itself left the dataset (with every household it had). */
  readonly villageRemoved: boolean;
  readonly householdIds: readonly string[];
}

/** Everything a snapshot import removed, sorted by id. */
export interface RemovedRecords {
  readonly townships: readonly string[];
  readonly units: readonly string[];
  /** One entry per village that lost households or left itself. */
  readonly villages: readonly RemovedFromVillage[];
  /** Verdicts and village tallies deleted with them. */
  readonly verdicts: number;
  readonly tallies: number;
}

const sortedIds = (ids: Iterable<string>) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Makes the store hold exactly the dataset's records for the counties it covers: every stored
 * township, village, unit and household of those counties that the dataset no longer holds is
 * deleted, with its verdicts (a village's whole partition) and a removed village's tallies.
 * Counties outside the dataset are not read. Run after the new records are written, so an
 * interruption leaves the new records whole and a re-run finishes the removals.
 */
export async function removeAbsentRecords(stores: Stores, holdings: DatasetHoldings): Promise<RemovedRecords> {
  const { records, verdicts, runs } = stores;
  const kept = (present: ReadonlySet<string>, id: string) => present.has(id) || holdings.rejectedIds.has(id);
  const townships: string[] = [];
  const units: string[] = [];
  const villages: RemovedFromVillage[] = [];
  let verdictsDeleted = 0;
  let talliesDeleted = 0;
  for (const countyId of sortedIds(holdings.countyIds)) {
    for (const village of await records.listVillages(countyId)) {
      const { villageId } = village;
      const villageRemoved = !kept(holdings.villageIds, villageId);
      if (!villageRemoved && holdings.villagesStoredBefore && !holdings.villagesStoredBefore.has(villageId)) continue;
      const present = holdings.householdsByVillage.get(villageId) ?? new Set<string>();
      const absent = (await records.listHouseholdIds(villageId)).filter((id) => villageRemoved || !kept(present, id));
      if (!villageRemoved && absent.length === 0) continue;
      // A household the listing still shows here but that moved to another village stays.
      const householdIds = await records.removeHouseholds(villageId, absent);
      if (!villageRemoved && householdIds.length === 0) continue;
      if (villageRemoved) {
        verdictsDeleted += await verdicts.deleteSubjectVerdicts(villageId, 'household', 'all');
        talliesDeleted += await runs.deleteVillageTallies([villageId]);
        await records.deleteRecords('village', [villageId]);
      } else {
        verdictsDeleted += await verdicts.deleteSubjectVerdicts(villageId, 'household', householdIds);
      }
      villages.push({ countyId, villageId, villageRemoved, householdIds: sortedIds(householdIds) });
    }
    const absentTownships = (await records.listTownships(countyId)).map((t) => t.townshipId).filter((id) => !kept(holdings.townshipIds, id));
    const absentUnits = (await records.listUnits(countyId)).map((u) => u.unitId).filter((id) => !kept(holdings.unitIds, id));
    await records.deleteRecords('township', absentTownships);
    await records.deleteRecords('unit', absentUnits);
    townships.push(...absentTownships);
    units.push(...absentUnits);
  }
  return { townships: sortedIds(townships), units: sortedIds(units), villages, verdicts: verdictsDeleted, tallies: talliesDeleted };
}
