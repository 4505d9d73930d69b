import type { SubjectType, Verdict } from '../../engine/verdict.js';
import type { VerdictStore } from '../../ports/verdict-store.js';
import { batchWrite } from './batch-write.js';
import { compareText } from '../../kernel/text.js';
import type { DynamoTable } from './dynamo-table.js';
import { keys } from './keys.js';
import { dataOf, verdictItem, type Item } from './mappers.js';
import { queryAll } from './query-all.js';

const compareVerdicts = (a: Verdict, b: Verdict) =>
  compareText(a.subjectType, b.subjectType) || compareText(a.subjectId, b.subjectId) || compareText(a.ruleSetId, b.ruleSetId);

/**
 * Latest verdicts, partitioned by village (its households and itself) or county, so a
 * village's verdicts are one strongly consistent Query; `gsi1` lists a subject's verdicts.
 */
export class DynamoVerdictStore implements VerdictStore {
  constructor(private readonly table: DynamoTable) {}

  /**
   * Reads the partition's stored determination ids (one Query per year present, projected to
   * two attributes) and writes only the verdicts whose id differs: a re-run over unchanged
   * data reads but writes nothing.
   */
  async putChangedVerdicts(partition: string, verdicts: readonly Verdict[]): Promise<number> {
    const stored = new Map<string, unknown>();
    for (const year of new Set(verdicts.map((v) => v.year))) {
      const items = await queryAll(this.table, keys.partitionVerdicts(partition, year), { consistent: true, attributes: ['sk', 'determinationId'] });
      for (const item of items) stored.set(String(item.sk), item.determinationId);
    }
    const writes: Item[] = [];
    for (const verdict of verdicts) {
      const item = verdictItem(partition, verdict);
      const sk = String(item.sk);
      // Counted in order like the memory store, so a verdict given twice counts as it would there.
      if (stored.get(sk) === verdict.determinationId) continue;
      stored.set(sk, verdict.determinationId);
      writes.push(item);
    }
    await batchWrite(this.table, writes.map((put) => ({ put })));
    return writes.length;
  }

  /**
   * Makes the partition's verdicts of the year exactly these: changed ones written, verdicts no
   * longer produced (a household that moved away or changed status) deleted. Returns the items
   * written and deleted.
   */
  async replacePartitionVerdicts(partition: string, year: number, verdicts: readonly Verdict[]): Promise<number> {
    const items = await queryAll(this.table, keys.partitionVerdicts(partition, year), { consistent: true, attributes: ['pk', 'sk', 'determinationId'] });
    const stored = new Map(items.map((item) => [String(item.sk), item]));
    const writes: Item[] = [];
    for (const verdict of verdicts) {
      const item = verdictItem(partition, verdict);
      const sk = String(item.sk);
      const before = stored.get(sk);
      stored.delete(sk);
      if (before?.determinationId === verdict.determinationId) continue;
      writes.push(item);
    }
    const deletes = [...stored.values()].map((item) => ({ delete: { pk: String(item.pk), sk: String(item.sk) } }));
    await batchWrite(this.table, [...writes.map((put) => ({ put })), ...deletes]);
    return writes.length + deletes.length;
  }

  /** One consistent Query of the partition (every year), then the deletes. */
  async deleteSubjectVerdicts(partition: string, subjectType: SubjectType, subjectIds: readonly string[] | 'all'): Promise<number> {
    const items = await queryAll(this.table, keys.partitionAllVerdicts(partition), { consistent: true });
    const ids = subjectIds === 'all' ? null : new Set(subjectIds);
    const doomed = items.filter((item) => {
      const verdict = dataOf<Verdict>(item, 'verdict');
      return ids === null || (verdict.subjectType === subjectType && ids.has(verdict.subjectId));
    });
    await batchWrite(this.table, doomed.map((item) => ({ delete: { pk: String(item.pk), sk: String(item.sk) } })));
    return doomed.length;
  }

  async getSubjectVerdicts(subjectType: SubjectType, subjectId: string): Promise<Verdict[]> {
    const verdicts = (await queryAll(this.table, keys.subjectVerdicts(subjectType, subjectId))).map((item) => dataOf<Verdict>(item, 'verdict'));
    return verdicts.sort((a, b) => compareText(`${a.ruleSetId}#${a.year}`, `${b.ruleSetId}#${b.year}`));
  }

  /** Sorted by subject type, subject id and rule set (the memory store keeps insertion order). */
  async listPartitionVerdicts(partition: string, year: number): Promise<Verdict[]> {
    const items = await queryAll(this.table, keys.partitionVerdicts(partition, year), { consistent: true });
    return items.map((item) => dataOf<Verdict>(item, 'verdict')).sort(compareVerdicts);
  }
}
