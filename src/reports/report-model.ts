import type { LocalizedText, Verdict } from '../engine/verdict.js';
import type { ListRow, ScoreRow } from '../standards/accountability/accountability-output.js';
import { RowSpill } from './row-spill.js';

/** An item as a report lists it: its id, label and what was found against what was required. */
export interface ReportItem {
  readonly id: string;
  readonly outcome: string;
  readonly label: LocalizedText;
  readonly actual: unknown;
  readonly expected: string;
  readonly missing: readonly string[];
}

/** A village or county verdict, with its figures and every item. */
export interface PlaceRow {
  readonly id: string;
  readonly outcome: string;
  readonly outcomeLabel: LocalizedText;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly ratio: number | null;
  readonly items: readonly ReportItem[];
  readonly missing: readonly string[];
}

/** A household verdict a report lists; items by id, their labels kept once in `itemLabels`. */
export interface HouseholdRow {
  readonly householdId: string;
  readonly ruleSetId: string;
  readonly outcome: string;
  /** Failed items, or for identification and return-risk the items that decided (`reasons`). */
  readonly failing: readonly string[];
  readonly unknown: readonly string[];
  readonly missing: readonly string[];
}

/** What `summary.json` tells a report: the run, its counts and its rows. */
export interface RunFacts {
  readonly runId: string | null;
  readonly quarter: string;
  readonly status: string | null;
  readonly ruleSetVersions: Readonly<Record<string, number>> | null;
  readonly writes: { readonly verdicts: number; readonly scores: number; readonly cards: number } | null;
  readonly rows?: { readonly accepted: number; readonly rejected: number };
  readonly outcomes: { readonly total: Readonly<Record<string, Readonly<Record<string, number>>>> };
}

/** Everything the reports list; built by streaming the output files, nothing else kept. */
export interface ReportModel {
  readonly run: RunFacts;
  readonly counties: readonly PlaceRow[];
  /** Every village verdict: a village that passes is one short row, a failing one its items. */
  readonly villages: readonly PlaceRow[];
  /**
   * The household verdicts a report lists, in the order of the verdicts: household-exit ones that
   * do not pass, identification ones other than `not-eligible`, return-risk ones other than
   * `stable`. Read as often as needed; a streamed model keeps them in a scratch file.
   */
  readonly householdRows: Iterable<HouseholdRow>;
  /** Whether `householdRows` come in ascending household id, so names can be merged in. */
  readonly householdRowsSorted: boolean;
  /** `ruleSetId/itemId` → label, and `ruleSetId/outcome` → outcome label. */
  readonly itemLabels: ReadonlyMap<string, LocalizedText>;
  readonly outcomeLabels: ReadonlyMap<string, LocalizedText>;
  readonly scores: readonly ScoreRow[];
  readonly lists: readonly ListRow[];
}

const HOUSEHOLD_KEPT: Readonly<Record<string, (outcome: string) => boolean>> = {
  'household-exit': (outcome) => outcome !== 'pass',
  identification: (outcome) => outcome !== 'not-eligible',
  'return-risk': (outcome) => outcome !== 'stable',
};

function reportItem(item: Verdict['items'][number]): ReportItem {
  return { id: item.id, outcome: item.outcome, label: item.label, actual: item.actual, expected: item.expected, missing: item.missing ?? [] };
}

function placeRow(verdict: Verdict): PlaceRow {
  const figure = (name: string) => (typeof verdict.figures?.[name] === 'number' ? verdict.figures[name] : null);
  return {
    id: verdict.subjectId,
    outcome: verdict.outcome,
    outcomeLabel: verdict.outcomeLabel,
    numerator: figure('numerator'),
    denominator: figure('denominator'),
    ratio: figure('ratio'),
    items: verdict.items.map(reportItem),
    missing: verdict.missing,
  };
}

/**
 * Builds the report model one output line at a time: it keeps only the rows a report lists, and
 * of a household only item ids (labels are kept once per rule set and item).
 */
export class ReportModelBuilder {
  private readonly counties: PlaceRow[] = [];
  private readonly villages: PlaceRow[] = [];
  private readonly householdRows: { push(row: HouseholdRow): void } & Iterable<HouseholdRow>;
  private householdRowsSorted = true;
  private lastHouseholdId: string | null = null;
  private readonly itemLabels = new Map<string, LocalizedText>();
  private readonly outcomeLabels = new Map<string, LocalizedText>();
  private readonly scores: ScoreRow[] = [];
  private readonly lists: ListRow[] = [];

  /** `spill`: keep the household rows in a scratch file (a province's run), not in the heap. */
  constructor(options: { readonly spill?: boolean } = {}) {
    this.householdRows = options.spill ? new RowSpill<HouseholdRow>() : [];
  }

  addVerdict(verdict: Verdict): void {
    const outcomeKey = `${verdict.ruleSetId}/${verdict.outcome}`;
    if (!this.outcomeLabels.has(outcomeKey)) this.outcomeLabels.set(outcomeKey, verdict.outcomeLabel);
    if (verdict.subjectType === 'county') this.counties.push(placeRow(verdict));
    else if (verdict.subjectType === 'village') this.villages.push(placeRow(verdict));
    else this.addHousehold(verdict);
  }

  addScore(row: ScoreRow): void {
    this.scores.push(row);
  }

  addListRow(row: ListRow): void {
    this.lists.push(row);
  }

  build(run: RunFacts): ReportModel {
    return {
      run,
      counties: this.counties,
      villages: this.villages,
      householdRows: this.householdRows,
      householdRowsSorted: this.householdRowsSorted,
      itemLabels: this.itemLabels,
      outcomeLabels: this.outcomeLabels,
      scores: this.scores,
      lists: this.lists,
    };
  }

  private addHousehold(verdict: Verdict): void {
    const kept = HOUSEHOLD_KEPT[verdict.ruleSetId];
    if (!kept?.(verdict.outcome)) return;
    for (const item of verdict.items) {
      const key = `${verdict.ruleSetId}/${item.id}`;
      if (!this.itemLabels.has(key)) this.itemLabels.set(key, item.label);
    }
    const byOutcome = (outcome: string) => verdict.items.filter((item) => item.outcome === outcome).map((item) => item.id);
    const row: HouseholdRow = {
      householdId: verdict.subjectId,
      ruleSetId: verdict.ruleSetId,
      outcome: verdict.outcome,
      // Exit standards fail on failed items; identification and return-risk are decided by their reasons.
      failing: verdict.ruleSetId === 'household-exit' ? byOutcome('fail') : [...verdict.reasons],
      unknown: byOutcome('unknown'),
      missing: verdict.missing,
    };
    if (this.lastHouseholdId !== null && row.householdId < this.lastHouseholdId) this.householdRowsSorted = false;
    this.lastHouseholdId = row.householdId;
    this.householdRows.push(row);
  }
}

/** The households a report names: for whom the heads' names are worth looking up. */
export function listedHouseholds(model: ReportModel): Set<string> {
  const ids = new Set<string>();
  for (const row of model.householdRows) ids.add(row.householdId);
  for (const id of listHouseholdIds(model)) ids.add(id);
  return ids;
}

/** The households behind the accountability lists' reasons: few, named in the PDF and summary. */
export function listHouseholdIds(model: ReportModel): Set<string> {
  const ids = new Set<string>();
  for (const row of model.lists) for (const reason of row.reasons) for (const id of reason.households) ids.add(id);
  return ids;
}
