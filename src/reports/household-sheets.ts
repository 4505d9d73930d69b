import { villageHouseholdNames, loadPlaceNames, loadReportNames, type HouseholdName, type NameSource, type ReportNames } from './report-names.js';
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

/**
 * The row with its household's village and head, built property by property: with a spread of
 * the parsed row, V8's sampling heap profiler found every copy outliving the young generation
 * (about 600 bytes a row, 230 MB for a million households' report), freed only by full collections.
 */
function namedRow(row: HouseholdRow, found: { readonly villageId: string; readonly headName: string | null } | null | undefined): NamedHouseholdRow {
  const { householdId, ruleSetId, outcome, failing, unknown, missing } = row;
  return { householdId, ruleSetId, outcome, failing, unknown, missing, villageId: found?.villageId ?? null, headName: found?.headName ?? null };
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
  const walk = new NameWalk(villageHouseholdNames(source, [...places.villageIds].sort(), byId), (name) => {
    if (listIds.has(name.householdId)) households.set(name.householdId, { villageId: name.villageId, headName: name.headName });
  });
  const sheets = sheetsOf(spill);
  let missed = false;
  await walk.start();
  for (const row of model.householdRows) {
    while (walk.current !== null && walk.current.householdId < row.householdId) if (!walk.step()) await walk.nextVillage();
    const found = walk.current !== null && walk.current.householdId === row.householdId ? walk.current : null;
    missed ||= found === null;
    sheets.add(namedRow(row, found));
  }
  // A row the walk passed without finding may be a household the store lacks, or one whose id
  // sorts out of its village's place: only walking to the end tells them apart.
  while (walk.current !== null && (missed || households.size < listIds.size)) if (!walk.step()) await walk.nextVillage();
  await walk.stop();
  const { counties, townships, villages, units } = places;
  return { names: { counties, townships, villages, units, households }, sheets };
}

/**
 * The store's households in ascending id, one at a time (`current`), without an await per
 * household: `step` moves within the village at hand and says false at its end, and only then
 * does `nextVillage` wait for the next village's names. Every household passed is shown to
 * `pass`. Throws `NamesOutOfOrder` when an id comes before the one passed last.
 */
class NameWalk {
  current: HouseholdName | null = null;
  private names: readonly HouseholdName[] = [];
  private index = 0;

  constructor(
    private readonly villages: AsyncGenerator<readonly HouseholdName[]>,
    private readonly pass: (name: HouseholdName) => void,
  ) {}

  /** Moves to the first household (`current` stays null when there is none). */
  async start(): Promise<void> {
    await this.nextVillage();
  }

  /** Moves to the next household of the village at hand; false, without moving, at its end. */
  step(): boolean {
    if (this.index + 1 >= this.names.length) return false;
    this.index += 1;
    this.arrive(this.names[this.index]!);
    return true;
  }

  /** Moves to the first household of the next village that has any, or `current` to null after the last. */
  async nextVillage(): Promise<void> {
    for (let next = await this.villages.next(); ; next = await this.villages.next()) {
      if (next.done) {
        this.current = null;
        return;
      }
      if (next.value.length === 0) continue;
      this.names = next.value;
      this.index = 0;
      this.arrive(this.names[0]!);
      return;
    }
  }

  async stop(): Promise<void> {
    await this.villages.return(undefined);
  }

  private arrive(name: HouseholdName): void {
    if (this.current !== null && name.householdId < this.current.householdId) throw new NamesOutOfOrder();
    this.current = name;
    this.pass(name);
  }
}

/** Every listed household's name held in memory: for ids that do not sort like their villages. */
async function lookUpNames(source: NameSource, model: ReportModel, spill: boolean): Promise<NamedReport> {
  const all = await loadReportNames(source, listedHouseholds(model));
  const sheets = sheetsOf(spill);
  for (const row of model.householdRows) {
    const found = all.households.get(row.householdId);
    sheets.add(namedRow(row, found));
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
