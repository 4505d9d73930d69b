import type { SubjectType, Verdict } from '../engine/verdict.js';

/** The latest verdict of every subject, with its partition (the village or county it belongs to). */
export interface VerdictStore {
  /**
   * Writes the verdicts whose determination id differs from the stored one and returns how
   * many it wrote: a re-run over unchanged data writes nothing.
   */
  putChangedVerdicts(partition: string, verdicts: readonly Verdict[]): Promise<number>;
  /**
   * Makes a partition's verdicts of the year exactly these (the nightly run's view of a whole
   * village): changed verdicts written, verdicts it no longer produces deleted. Returns the
   * items written and deleted; 0 over unchanged data.
   */
  replacePartitionVerdicts(partition: string, year: number, verdicts: readonly Verdict[], judgedFrom?: string): Promise<number>;
  /**
   * The inputs digest the partition's verdicts of the year were judged from, as the last
   * `replacePartitionVerdicts` named it (`judgedFrom`), while no other write has touched the
   * partition since; null otherwise, and always null in a store that keeps no such mark.
   */
  judgedFrom(partition: string, year: number): Promise<string | null>;
  /** The latest verdicts of a subject (every standard and year), with explanations. */
  getSubjectVerdicts(subjectType: SubjectType, subjectId: string): Promise<Verdict[]>;
  /**
   * Deletes every verdict (any year, any standard) of the given subjects from a partition, or
   * every verdict of the partition when `subjectIds` is `'all'`: what a snapshot import does
   * for households and villages the dataset no longer holds. Returns the verdicts deleted.
   */
  deleteSubjectVerdicts(partition: string, subjectType: SubjectType, subjectIds: readonly string[] | 'all'): Promise<number>;
  /** Every verdict stored for a partition (a village's households and the village; a county), in no particular order. */
  listPartitionVerdicts(partition: string, year: number): Promise<Verdict[]>;
}
