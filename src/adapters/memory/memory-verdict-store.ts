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
