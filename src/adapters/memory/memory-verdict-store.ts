import { turnEventLoop } from './event-loop-turn.js';
import type { SubjectType, Verdict } from '../../engine/verdict.js';
import type { VerdictStore } from '../../ports/verdict-store.js';
import { SpillFile, type SpillSpan } from '../file/spill-file.js';

const keyOf = (v: Pick<Verdict, 'subjectType' | 'subjectId' | 'ruleSetId' | 'year'>) => `${v.subjectType}#${v.subjectId}#${v.ruleSetId}#${v.year}`;

/**
 * Latest verdicts by partition, writing only what changed, like the DynamoDB store. A
 * partition's verdicts (with their explanations, the bulk of a run) sit in a spill file as one
 * block of JSON lines; memory holds one span per partition. Writing a partition reads its block
 * back only when it has one, so a first run never reads, and a changed partition is written
 * again whole as a new block.
 */
export class MemoryVerdictStore implements VerdictStore {
  private readonly partitions = new Map<string, SpillSpan>();

  constructor(private readonly spill = new SpillFile()) {}

  private stored(partition: string): Map<string, Verdict> {
    const span = this.partitions.get(partition);
    const verdicts = new Map<string, Verdict>();
    if (span) for (const verdict of this.spill.readLines<Verdict>(span)) verdicts.set(keyOf(verdict), verdict);
    return verdicts;
  }

  private store(partition: string, verdicts: Map<string, Verdict>): void {
    if (verdicts.size === 0) this.partitions.delete(partition);
    else this.partitions.set(partition, this.spill.appendLines([...verdicts.values()]));
  }

  async putChangedVerdicts(partition: string, verdicts: readonly Verdict[]): Promise<number> {
    const stored = this.stored(partition);
    let written = 0;
    for (const verdict of verdicts) {
      const key = keyOf(verdict);
      if (stored.get(key)?.determinationId === verdict.determinationId) continue;
      stored.set(key, verdict);
      written += 1;
    }
    if (written > 0) this.store(partition, stored);
    return written;
  }

  /** No marks are kept (see `MemoryRecordStore.householdHashes`). */
  async judgedFrom(): Promise<null> {
    return null;
  }

  async replacePartitionVerdicts(partition: string, year: number, verdicts: readonly Verdict[]): Promise<number> {
    const stored = this.stored(partition);
    const produced = new Set(verdicts.map(keyOf));
    let changes = 0;
    for (const [key, verdict] of stored) {
      if (produced.has(key) || verdict.year !== year) continue;
      stored.delete(key);
      changes += 1;
    }
    for (const verdict of verdicts) {
      const key = keyOf(verdict);
      if (stored.get(key)?.determinationId === verdict.determinationId) continue;
      stored.set(key, verdict);
      changes += 1;
    }
    if (changes > 0) this.store(partition, stored);
    return changes;
  }

  async deleteSubjectVerdicts(partition: string, subjectType: SubjectType, subjectIds: readonly string[] | 'all'): Promise<number> {
    if (!this.partitions.has(partition)) return 0;
    const stored = this.stored(partition);
    const ids = subjectIds === 'all' ? null : new Set(subjectIds);
    let deleted = 0;
    for (const [key, verdict] of stored) {
      if (ids !== null && (verdict.subjectType !== subjectType || !ids.has(verdict.subjectId))) continue;
      stored.delete(key);
      deleted += 1;
    }
    if (deleted > 0) this.store(partition, stored);
    return deleted;
  }

  /** Reads every partition's block, parsing only the lines that name the subject. */
  async getSubjectVerdicts(subjectType: SubjectType, subjectId: string): Promise<Verdict[]> {
    const needle = `"subjectId":${JSON.stringify(subjectId)}`;
    const found = new Map<string, Verdict>();
    for (const span of this.partitions.values()) {
      for (const line of this.spill.read(span).split('\n')) {
        if (!line.includes(needle)) continue;
        const verdict = JSON.parse(line) as Verdict;
        if (verdict.subjectType === subjectType && verdict.subjectId === subjectId) found.set(keyOf(verdict), verdict);
      }
    }
    return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
  }

  async listPartitionVerdicts(partition: string, year: number): Promise<Verdict[]> {
    await turnEventLoop();
    const span = this.partitions.get(partition);
    return span ? this.spill.readLines<Verdict>(span).filter((v) => v.year === year) : [];
  }
}
