import type { SubjectType, Verdict } from '../../engine/verdict.js';
import type { VerdictStore } from '../../ports/verdict-store.js';

const keyOf = (v: Pick<Verdict, 'subjectType' | 'subjectId' | 'ruleSetId' | 'year'>) => `${v.subjectType}#${v.subjectId}#${v.ruleSetId}#${v.year}`;

/** Latest verdicts in maps, writing only what changed, like the DynamoDB store. */
export class MemoryVerdictStore implements VerdictStore {
  private readonly verdicts = new Map<string, Verdict>();
  private readonly partitions = new Map<string, Set<string>>();

  async putChangedVerdicts(partition: string, verdicts: readonly Verdict[]): Promise<number> {
    let written = 0;
    const keys = this.partitions.get(partition) ?? new Set<string>();
    for (const verdict of verdicts) {
      const key = keyOf(verdict);
      keys.add(key);
      if (this.verdicts.get(key)?.determinationId === verdict.determinationId) continue;
      this.verdicts.set(key, verdict);
      written += 1;
    }
    this.partitions.set(partition, keys);
    return written;
  }

  async replacePartitionVerdicts(partition: string, year: number, verdicts: readonly Verdict[]): Promise<number> {
    const produced = new Set(verdicts.map(keyOf));
    let deleted = 0;
    for (const key of [...(this.partitions.get(partition) ?? [])]) {
      if (produced.has(key) || this.verdicts.get(key)?.year !== year) continue;
      this.partitions.get(partition)!.delete(key);
      // A subject's latest verdict lives in one partition: drop it only if it is still this one.
      if (![...this.partitions.values()].some((keys) => keys.has(key))) this.verdicts.delete(key);
      deleted += 1;
    }
    return deleted + (await this.putChangedVerdicts(partition, verdicts));
  }

  async deleteSubjectVerdicts(partition: string, subjectType: SubjectType, subjectIds: readonly string[] | 'all'): Promise<number> {
    const keys = this.partitions.get(partition);
    if (!keys) return 0;
    const ids = subjectIds === 'all' ? null : new Set(subjectIds);
    let deleted = 0;
    for (const key of [...keys]) {
      const verdict = this.verdicts.get(key)!;
      if (ids !== null && (verdict.subjectType !== subjectType || !ids.has(verdict.subjectId))) continue;
      keys.delete(key);
      if (![...this.partitions.values()].some((other) => other.has(key))) this.verdicts.delete(key);
      deleted += 1;
    }
    return deleted;
  }

  async getSubjectVerdicts(subjectType: SubjectType, subjectId: string): Promise<Verdict[]> {
    const prefix = `${subjectType}#${subjectId}#`;
    return [...this.verdicts.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, v]) => v);
  }

  async listPartitionVerdicts(partition: string, year: number): Promise<Verdict[]> {
    return [...(this.partitions.get(partition) ?? [])]
      .map((key) => this.verdicts.get(key)!)
      .filter((v) => v.year === year);
  }
}
