import type { Verdict } from '../engine/verdict.js';
import type { Stores } from '../ports/stores.js';
import type { ListRow, ScoreRow } from '../standards/accountability/accountability-output.js';
import { OutcomeTally, type OutcomeCounts } from './run-summary.js';
import { VerdictOrderError } from './use-case-errors.js';
import { verdictLine, verdictOfLine, type VerdictHead, type VerdictLine } from './verdict-lines.js';

export interface RunExport {
  readonly verdicts: Verdict[];
  readonly scores: ScoreRow[];
  readonly lists: ListRow[];
  readonly outcomes: OutcomeCounts;
}

/**
 * What a run left in the stores, with the verdicts as a stream in the output file's order, so
 * an export holds one partition's verdicts at a time instead of the whole province's.
 */
export interface RunStream {
  /**
   * The verdicts in the output's order (README "Inputs and outputs"). `stream` relies on subject ids that sort like their
   * county and village (`513336-01-003-0042`) and throws `VerdictOrderError` at the first
   * verdict that breaks the order; `collect` reads everything and sorts, for any ids.
   */
  verdicts(mode: 'stream' | 'collect'): AsyncIterable<Verdict>;
  /** The same as lines of the output file: verdicts the run judged pass through as the text they were kept as. */
  lines(mode: 'stream' | 'collect'): AsyncIterable<VerdictLine>;
  readonly scores: ScoreRow[];
  readonly lists: ListRow[];
  /** The outcome counts of the last `verdicts` or `lines` read to its end. */
  outcomes(): OutcomeCounts;
}

/**
 * The verdicts a run has just judged, partition by partition, kept outside the store (the
 * command keeps them in a scratch file): the export takes a partition from here and reads the
 * store only for partitions the run did not judge, instead of reading every verdict back.
 */
export interface JudgedVerdicts {
  /** The partition's verdicts as judged, as lines, or undefined when the run did not judge it. */
  take(partition: string): readonly VerdictLine[] | undefined;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type VerdictKey = Pick<Verdict, 'subjectType' | 'subjectId' | 'ruleSetId'>;

/** The output's order (README "Inputs and outputs"): subject type, subject id, rule set. */
export function compareVerdicts(a: VerdictKey, b: VerdictKey): number {
  return compare(a.subjectType, b.subjectType) || compare(a.subjectId, b.subjectId) || compare(a.ruleSetId, b.ruleSetId);
}

/**
 * Where the export keeps the village verdicts it holds back (`village` sorts last) until every
 * partition has been read. A province's villages hold thousands of them with their
 * explanations, so `tuopin score` and `tuopin export` keep their lines in a scratch file; in
 * memory otherwise.
 */
export interface HeldVerdicts<T extends VerdictHead = VerdictLine> {
  add(verdict: T): void;
  /** What was added, in the output's order. */
  inOrder(): Iterable<T>;
}

class HeldInMemory<T extends VerdictHead> implements HeldVerdicts<T> {
  private readonly verdicts: T[] = [];

  add(verdict: T): void {
    this.verdicts.push(verdict);
  }

  inOrder(): Iterable<T> {
    return this.verdicts.sort(compareVerdicts);
  }
}

interface Partitions {
  readonly countyId: string;
  /** The county's own partition, then its villages', sorted. */
  readonly partitions: readonly string[];
}

async function partitionsOf(stores: Stores, countyIds: readonly string[] | undefined): Promise<Partitions[]> {
  const counties: Partitions[] = [];
  const only = countyIds === undefined ? null : new Set(countyIds);
  for (const county of await stores.records.listCounties()) {
    if (only !== null && !only.has(county.countyId)) continue;
    const villages = (await stores.records.listVillages(county.countyId)).map((v) => v.villageId);
    counties.push({ countyId: county.countyId, partitions: [county.countyId, ...villages] });
  }
  return counties;
}

/** A partition's verdicts, as objects or as lines: from what the run judged, else from the store. */
type PartitionReader<T> = (partition: string) => Promise<readonly T[]>;

/**
 * Reads every partition once: the counties' own partitions, then their villages'. County and
 * household verdicts go out as they are read, checked against the order; the village verdicts
 * (a few per village) are held back and go out last, sorted, as `village` sorts last.
 */
async function* streamed<T extends VerdictHead>(counties: readonly Partitions[], read: PartitionReader<T>, tally: OutcomeTally, held: HeldVerdicts<T>): AsyncGenerator<T> {
  let previous: T | null = null;
  function checked(verdict: T): T {
    if (previous && compareVerdicts(previous, verdict) >= 0) throw new VerdictOrderError(`${verdict.subjectType}:${verdict.subjectId}`);
    previous = verdict;
    return verdict;
  }
  const reads = [
    ...counties.map(({ countyId, partitions }) => ({ countyId, partition: partitions[0]! })),
    ...counties.flatMap(({ countyId, partitions }) => partitions.slice(1).map((partition) => ({ countyId, partition }))),
  ];
  for (const { countyId, partition } of reads) {
    const verdicts = [...(await read(partition))].sort(compareVerdicts);
    for (const verdict of verdicts) {
      tally.add(verdict, countyId);
      if (verdict.subjectType === 'village') held.add(verdict);
      else yield checked(verdict);
    }
  }
  for (const verdict of held.inOrder()) yield checked(verdict);
}

async function* collected<T extends VerdictHead>(counties: readonly Partitions[], read: PartitionReader<T>, tally: OutcomeTally): AsyncGenerator<T> {
  const verdicts: T[] = [];
  for (const { countyId, partitions } of counties) {
    for (const partition of partitions) {
      for (const verdict of await read(partition)) {
        tally.add(verdict, countyId);
        verdicts.push(verdict);
      }
    }
  }
  yield* verdicts.sort(compareVerdicts);
}

/**
 * Opens the quarter's run for export: scores and lists read whole (one row per unit), verdicts
 * streamed; of every stored county, or of `countyIds` only (a dataset's output holds its own
 * counties). With `judged`, the partitions the run has just judged come from there, not from
 * the store; a `judged` source is read once, so its run streams once. `holdBack` gives each
 * streaming read of `lines` where to keep the village verdicts until the end (in memory unless given).
 */
export async function streamRun(
  stores: Stores,
  quarter: string,
  year: number,
  countyIds?: readonly string[],
  judged?: JudgedVerdicts,
  holdBack: () => HeldVerdicts<VerdictLine> = () => new HeldInMemory(),
): Promise<RunStream> {
  const counties = await partitionsOf(stores, countyIds);
  const scores: ScoreRow[] = [];
  const lists: ListRow[] = [];
  for (const { countyId } of counties) {
    scores.push(...(await stores.accountability.listScores(quarter, countyId)));
    lists.push(...(await stores.accountability.listLists(quarter, countyId)));
  }
  scores.sort((a, b) => compare(a.unitType, b.unitType) || compare(a.unitId, b.unitId));
  lists.sort((a, b) => compare(a.list, b.list) || compare(a.unitType, b.unitType) || compare(a.unitId, b.unitId));
  const stored = (partition: string) => stores.verdicts.listPartitionVerdicts(partition, year);
  const readLines: PartitionReader<VerdictLine> = async (partition) => judged?.take(partition) ?? (await stored(partition)).map((verdict) => verdictLine(verdict));
  const readVerdicts: PartitionReader<Verdict> = async (partition) => judged?.take(partition)?.map(verdictOfLine) ?? stored(partition);
  let finished = new OutcomeTally();
  async function* counted<T extends VerdictHead>(read: PartitionReader<T>, mode: 'stream' | 'collect', held: () => HeldVerdicts<T>): AsyncGenerator<T> {
    const tally = new OutcomeTally();
    yield* mode === 'stream' ? streamed(counties, read, tally, held()) : collected(counties, read, tally);
    finished = tally;
  }
  return {
    scores,
    lists,
    outcomes: () => finished.counts(),
    verdicts: (mode) => counted(readVerdicts, mode, () => new HeldInMemory<Verdict>()),
    lines: (mode) => counted(readLines, mode, holdBack),
  };
}

/** Reads back everything the quarter's run left in the stores (of `countyIds` only, when given), in the output files' order. */
export async function exportRun(stores: Stores, quarter: string, year: number, countyIds?: readonly string[]): Promise<RunExport> {
  const stream = await streamRun(stores, quarter, year, countyIds);
  const verdicts: Verdict[] = [];
  for await (const verdict of stream.verdicts('collect')) verdicts.push(verdict);
  return { verdicts, scores: stream.scores, lists: stream.lists, outcomes: stream.outcomes() };
}
