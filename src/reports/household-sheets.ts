import { householdNames, loadPlaceNames, loadReportNames, type HouseholdName, type NameSource, type ReportNames } from './report-names.js';
import { listedHouseholds, listHouseholdIds, type HouseholdRow, type ReportModel } from './report-model.js';
import { RowSpill } from './row-spill.js';

/** A household row with where the household lives and its head, when the store has it. */
export interface NamedHouseholdRow extends HouseholdRow {
  readonly villageId: string | null;
  readonly headName: string | null;
}

/** The rows of report.xlsx's three household sheets, names merged in, in the verdicts' order. */
export interface HouseholdSheets {
  readonly households: Iterable<NamedHouseholdRow>;
  readonly identification: Iterable<NamedHouseholdRow>;
  readonly returnRisk: Iterable<NamedHouseholdRow>;
}

/** The names a report shows and its household sheets' rows. */
export interface NamedReport {
  /** Place names, and of households only those behind the accountability lists. */
  readonly names: ReportNames;
  readonly sheets: HouseholdSheets;
}

type Sink = { push(row: NamedHouseholdRow): void } & Iterable<NamedHouseholdRow>;

const byId = (a: HouseholdName, b: HouseholdName) => (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0);

/** The names of the households came out of ascending id order: merging cannot work. */
class NamesOutOfOrder extends Error {}

function sheetsOf(spill: boolean): HouseholdSheets & { add(row: NamedHouseholdRow): void } {
  const make = (): Sink => (spill ? new RowSpill<NamedHouseholdRow>() : []);
  const households = make();
  const identification = make();
  const returnRisk = make();
  return {
    households,
    identification,
    returnRisk,
    add(row) {
      if (row.ruleSetId === 'household-exit') households.push(row);
      else if (row.ruleSetId === 'identification') identification.push(row);
      else returnRisk.push(row);
    },
  };
}

/**
 * Walks the households in ascending id (villages in ascending id, each village's households
 * sorted) beside the model's rows, which come in ascending id too: each row takes its
 * household's village and head as the walk passes it, and only the few households behind the
 * lists are kept. Memory holds one village's households at a time, not one name per listed
 * household. Throws `NamesOutOfOrder` when the ids do not sort like their villages.
 */
async function mergeNames(source: NameSource, model: ReportModel, spill: boolean): Promise<NamedReport> {
  const places = await loadPlaceNames(source);
  const listIds = listHouseholdIds(model);
  const households = new Map<string, { villageId: string; headName: string | null }>();
  const walk = householdNames(source, [...places.villageIds].sort(), byId);
  let current: HouseholdName | null = null;
  let done = false;
  const advance = async () => {
    const next = await walk.next();
    if (next.done) {
      done = true;
      current = null;
      return;
    }
    if (current && next.value.householdId < current.householdId) throw new NamesOutOfOrder();
    current = next.value;
    if (listIds.has(current.householdId)) households.set(current.householdId, { villageId: current.villageId, headName: current.headName });
  };
  const sheets = sheetsOf(spill);
  let missed = false;
  await advance();
  for (const row of model.householdRows) {
    while (!done && current!.householdId < row.householdId) await advance();
    const found = !done && current!.householdId === row.householdId ? current! : null;
    missed ||= found === null;
    sheets.add({ ...row, villageId: found?.villageId ?? null, headName: found?.headName ?? null });
  }
  // A row the walk passed without finding may be a household the store lacks, or one whose id
  // sorts out of its village's place: only walking to the end tells them apart.
  while (!done && (missed || households.size < listIds.size)) await advance();
  await walk.return(undefined);
  const { counties, townships, villages, units } = places;
  return { names: { counties, townships, villages, units, households }, sheets };
}

/** Every listed household's name held in memory: for ids that do not sort like their villages. */
async function lookUpNames(source: NameSource, model: ReportModel, spill: boolean): Promise<NamedReport> {
  const all = await loadReportNames(source, listedHouseholds(model));
  const sheets = sheetsOf(spill);
  for (const row of model.householdRows) {
    const found = all.households.get(row.householdId);
    sheets.add({ ...row, villageId: found?.villageId ?? null, headName: found?.headName ?? null });
  }
  return { names: all, sheets };
}

/**
 * The names a report shows and its household sheets' rows with the households' villages and
 * heads. Rows in ascending household id (as `verdicts.jsonl` writes them when ids sort like
 * their villages) are merged with a walk of the store in the same order, so a province's
 * report holds no name per household; otherwise every listed household's name is looked up
 * in memory, as before. `spill` keeps the rows in scratch files rather than in the heap.
 */
export async function nameReport(source: NameSource, model: ReportModel, options: { readonly spill?: boolean } = {}): Promise<NamedReport> {
  const spill = options.spill ?? false;
  if (model.householdRowsSorted) {
    try {
      return await mergeNames(source, model, spill);
    } catch (error) {
      if (!(error instanceof NamesOutOfOrder)) throw error;
    }
  }
  return lookUpNames(source, model, spill);
}
