import type { SubjectType } from '../../engine/verdict.js';
import type { UnitType } from '../../standards/accountability/accountability-input.js';

/** The primary key of an item of the single table. */
export interface TableKey {
  readonly pk: string;
  readonly sk: string;
}

/** An item's entry in `gsi1` (only items listed through the index have one). */
export interface IndexEntry {
  readonly gsi1pk: string;
  readonly gsi1sk: string;
}

/** What a Query reads: a partition of the table or of `gsi1`, optionally narrowed by a sort-key prefix. */
export interface QueryTarget {
  readonly index?: 'gsi1';
  readonly pk: string;
  readonly skPrefix?: string;
}

/**
 * One key component. Ids may contain `#` (the data contract, docs/data-contract.md, only asks for a non-blank id), so `%` and
 * `#` are escaped: two different id tuples never build the same key.
 */
function part(value: string): string {
  return value.replace(/%/g, '%25').replace(/#/g, '%23');
}

/** The id a key component holds (`part` undone in one pass, so `%2523` gives back `%23`). */
export function unpart(value: string): string {
  return value.replace(/%2[35]/g, (escape) => (escape === '%23' ? '#' : '%'));
}

/** Zero-padded so that the sort key order is the numeric order. */
function padded(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

const gsi1 = (pk: string, skPrefix?: string): QueryTarget => (skPrefix === undefined ? { index: 'gsi1', pk } : { index: 'gsi1', pk, skPrefix });

/**
 * Every key of the table, built from ids only (pure). Entities fetched by id live in their own
 * partition; collections are read with one Query on the table or on `gsi1`. See ACCESS-PATTERNS.md.
 */
export const keys = {
  county: (countyId: string): TableKey => ({ pk: `COUNTY#${part(countyId)}`, sk: 'COUNTY' }),
  countyEntry: (countyId: string): IndexEntry => ({ gsi1pk: 'COUNTIES', gsi1sk: part(countyId) }),
  counties: (): QueryTarget => gsi1('COUNTIES'),

  township: (townshipId: string): TableKey => ({ pk: `TOWNSHIP#${part(townshipId)}`, sk: 'TOWNSHIP' }),
  townshipEntry: (countyId: string, townshipId: string): IndexEntry => ({ gsi1pk: `COUNTY#${part(countyId)}#TOWNSHIPS`, gsi1sk: part(townshipId) }),
  countyTownships: (countyId: string): QueryTarget => gsi1(`COUNTY#${part(countyId)}#TOWNSHIPS`),

  village: (villageId: string): TableKey => ({ pk: `VILLAGE#${part(villageId)}`, sk: 'VILLAGE' }),
  villageEntry: (countyId: string, villageId: string): IndexEntry => ({ gsi1pk: `COUNTY#${part(countyId)}#VILLAGES`, gsi1sk: part(villageId) }),
  countyVillages: (countyId: string): QueryTarget => gsi1(`COUNTY#${part(countyId)}#VILLAGES`),

  unit: (unitId: string): TableKey => ({ pk: `UNIT#${part(unitId)}`, sk: 'UNIT' }),
  unitEntry: (countyId: string, unitId: string): IndexEntry => ({ gsi1pk: `COUNTY#${part(countyId)}#UNITS`, gsi1sk: part(unitId) }),
  countyUnits: (countyId: string): QueryTarget => gsi1(`COUNTY#${part(countyId)}#UNITS`),

  household: (householdId: string): TableKey => ({ pk: `HOUSEHOLD#${part(householdId)}`, sk: 'HOUSEHOLD' }),
  householdEntry: (villageId: string, householdId: string): IndexEntry => ({ gsi1pk: `VILLAGE#${part(villageId)}#HOUSEHOLDS`, gsi1sk: part(householdId) }),
  villageHouseholds: (villageId: string): QueryTarget => gsi1(`VILLAGE#${part(villageId)}#HOUSEHOLDS`),
  /** The village's household roster (`household-roster.ts`), beside the village record. */
  householdRoster: (villageId: string): TableKey => ({ pk: `VILLAGE#${part(villageId)}`, sk: 'HOUSEHOLDS' }),
  /** The village a household's `gsi1` partition names (the inverse of `householdEntry`'s `gsi1pk`); null for another partition. */
  villageOfHouseholdEntry: (gsi1pk: string): string | null => {
    const match = /^VILLAGE#([^#]*)#HOUSEHOLDS$/.exec(gsi1pk);
    return match ? unpart(match[1]!) : null;
  },

  /** County-wide notes sort before village notes (`-` before `V`). */
  incompleteNote: (countyId: string, villageId: string | null, kind: string): TableKey => ({
    pk: `INCOMPLETE#${part(countyId)}`,
    sk: villageId === null ? `NOTE#-#${part(kind)}` : `NOTE#V${part(villageId)}#${part(kind)}`,
  }),
  countyIncompleteNotes: (countyId: string): QueryTarget => ({ pk: `INCOMPLETE#${part(countyId)}`, skPrefix: 'NOTE#' }),

  verdict: (partition: string, v: { subjectType: SubjectType; subjectId: string; ruleSetId: string; year: number }): TableKey => ({
    pk: `PARTITION#${part(partition)}`,
    sk: `VERDICT#${v.year}#${v.subjectType}#${part(v.subjectId)}#${part(v.ruleSetId)}`,
  }),
  /** What a verdict's sort key names (the inverse of `verdict`'s `sk`); null for another sort key. */
  verdictOfSortKey: (sk: string): { year: number; subjectType: SubjectType; subjectId: string; ruleSetId: string } | null => {
    const parts = sk.split('#');
    if (parts.length !== 5 || parts[0] !== 'VERDICT') return null;
    const [, year, subjectType, subjectId, ruleSetId] = parts as [string, string, SubjectType, string, string];
    return { year: Number(year), subjectType, subjectId: unpart(subjectId), ruleSetId: unpart(ruleSetId) };
  },
  /** The digest of a partition's verdicts of a year (`verdict-digest.ts`); outside the `VERDICT#` prefix, so no verdict Query reads it. */
  verdictDigest: (partition: string, year: number): TableKey => ({ pk: `PARTITION#${part(partition)}`, sk: `DIGEST#${year}` }),
  partitionVerdicts: (partition: string, year: number): QueryTarget => ({ pk: `PARTITION#${part(partition)}`, skPrefix: `VERDICT#${year}#` }),
  partitionAllVerdicts: (partition: string): QueryTarget => ({ pk: `PARTITION#${part(partition)}`, skPrefix: 'VERDICT#' }),

  tally: (quarter: string, countyId: string, villageId: string): TableKey => ({
    pk: `TALLY#${part(quarter)}#${part(countyId)}`,
    sk: `VILLAGE#${part(villageId)}`,
  }),
  tallyChunk: (quarter: string, countyId: string, villageId: string, hash: string, index: number): TableKey => ({
    pk: `TALLY#${part(quarter)}#${part(countyId)}`,
    sk: `VILLAGE#${part(villageId)}#CHUNK#${hash}#${padded(index, 4)}`,
  }),
  /** A part of a tally, keyed by its content hash (the header lists the hashes in order). */
  tallyPart: (quarter: string, countyId: string, villageId: string, hash: string): TableKey => ({
    pk: `TALLY#${part(quarter)}#${part(countyId)}`,
    sk: `VILLAGE#${part(villageId)}#PART#${hash}`,
  }),
  /** A tally header's entry in `gsi1`, so a removed village's tallies of every quarter are found without a scan. */
  tallyEntry: (villageId: string, quarter: string): IndexEntry => ({ gsi1pk: `VILLAGE#${part(villageId)}#TALLIES`, gsi1sk: part(quarter) }),
  villageTallies: (villageId: string): QueryTarget => gsi1(`VILLAGE#${part(villageId)}#TALLIES`),
  countyTallies: (quarter: string, countyId: string): QueryTarget => ({ pk: `TALLY#${part(quarter)}#${part(countyId)}` }),

  card: (unitType: UnitType, unitId: string, quarter: string): TableKey => ({
    pk: `CARDS#${unitType}#${part(unitId)}`,
    sk: `QUARTER#${part(quarter)}`,
  }),
  unitCards: (unitType: UnitType, unitId: string): QueryTarget => ({ pk: `CARDS#${unitType}#${part(unitId)}`, skPrefix: 'QUARTER#' }),

  /** Score rows are keyed by their position in the stored list, so the order given is the order read. */
  score: (quarter: string, countyId: string, position: number): TableKey => ({
    pk: `ACCOUNTABILITY#${part(quarter)}#${part(countyId)}`,
    sk: `SCORE#${padded(position, 8)}`,
  }),
  listRow: (quarter: string, countyId: string, position: number): TableKey => ({
    pk: `ACCOUNTABILITY#${part(quarter)}#${part(countyId)}`,
    sk: `LIST#${padded(position, 8)}`,
  }),
  countyScores: (quarter: string, countyId: string): QueryTarget => ({ pk: `ACCOUNTABILITY#${part(quarter)}#${part(countyId)}`, skPrefix: 'SCORE#' }),
  countyLists: (quarter: string, countyId: string): QueryTarget => ({ pk: `ACCOUNTABILITY#${part(quarter)}#${part(countyId)}`, skPrefix: 'LIST#' }),
  countyAccountability: (quarter: string, countyId: string): QueryTarget => ({ pk: `ACCOUNTABILITY#${part(quarter)}#${part(countyId)}` }),

  run: (runId: string): TableKey => ({ pk: `RUN#${part(runId)}`, sk: 'RUN' }),
  runEntry: (quarter: string, startedAt: string, runId: string): IndexEntry => ({ gsi1pk: `RUNS#${part(quarter)}`, gsi1sk: `${startedAt}#${part(runId)}` }),
  quarterRuns: (quarter: string): QueryTarget => gsi1(`RUNS#${part(quarter)}`),

  ruleSetVersion: (ruleSetId: string, version: number): TableKey => ({ pk: `RULE-SET#${part(ruleSetId)}`, sk: `VERSION#${padded(version, 10)}` }),
  ruleSetVersions: (ruleSetId: string): QueryTarget => ({ pk: `RULE-SET#${part(ruleSetId)}`, skPrefix: 'VERSION#' }),
  /** One small item per rule-set id, so the ids are listed without reading every version. */
  ruleSetId: (ruleSetId: string): TableKey => ({ pk: 'RULE-SETS', sk: `RULE-SET#${part(ruleSetId)}` }),
  ruleSetIds: (): QueryTarget => ({ pk: 'RULE-SETS', skPrefix: 'RULE-SET#' }),
  /** A draft lives in its rule set's partition, beside the versions (whose prefix is `VERSION#`). */
  ruleDraft: (ruleSetId: string, draftId: string): TableKey => ({ pk: `RULE-SET#${part(ruleSetId)}`, sk: `DRAFT#${part(draftId)}` }),
  ruleDrafts: (ruleSetId: string): QueryTarget => ({ pk: `RULE-SET#${part(ruleSetId)}`, skPrefix: 'DRAFT#' }),
  /**
   * One numbered chunk of the report of a draft's step, `reportKey` naming the step's report.
   * Outside the `DRAFT#` prefix, so listing the drafts reads no chunk.
   */
  ruleDraftReport: (ruleSetId: string, draftId: string, reportKey: string, index: number): TableKey => ({
    pk: `RULE-SET#${part(ruleSetId)}`,
    sk: `DRAFT-REPORT#${part(draftId)}#${part(reportKey)}#${padded(index, 4)}`,
  }),
  /** Every chunk of every report of one draft. */
  ruleDraftReports: (ruleSetId: string, draftId: string): QueryTarget => ({ pk: `RULE-SET#${part(ruleSetId)}`, skPrefix: `DRAFT-REPORT#${part(draftId)}#` }),
  /** The chunks of one step's report, in order; `legacy` where reports were kept before they moved out of `DRAFT#`. */
  ruleDraftReportChunks: (ruleSetId: string, draftId: string, reportKey: string, legacy = false): QueryTarget => ({
    pk: `RULE-SET#${part(ruleSetId)}`,
    skPrefix: legacy ? `DRAFT#${part(draftId)}#REPORT#${part(reportKey)}#` : `DRAFT-REPORT#${part(draftId)}#${part(reportKey)}#`,
  }),
} as const;
