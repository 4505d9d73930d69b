import type { SubjectType, Verdict } from '../../engine/verdict.js';
import type { VerdictStore } from '../../ports/verdict-store.js';
import { batchWrite } from './batch-write.js';
import { compareText } from '../../kernel/text.js';
import type { CompactVerdict } from './compact-verdict.js';
import { restoreVerdict } from './compact-verdict.js';
import type { VerdictTexts } from '../../engine/verdict-texts.js';
import { getItem, type DynamoTable } from './dynamo-table.js';
import { keys } from './keys.js';
import { dataOf, verdictItem, type Item } from './mappers.js';
import { queryAll } from './query-all.js';
import { StoreReadError } from './store-errors.js';
import { partitionVerdictYears, subjectPartition, subjectYearVerdicts } from './subject-verdict-keys.js';
import { digestItem, digestKeysOf, verdictDigest } from './verdict-digest.js';
import type { VerdictTextSource } from './verdict-text-source.js';

const compareVerdicts = (a: Verdict, b: Verdict) =>
  compareText(a.subjectType, b.subjectType) || compareText(a.subjectId, b.subjectId) || compareText(a.ruleSetId, b.ruleSetId);

/**
 * Latest verdicts, partitioned by village (its households and itself) or county, so a
 * village's verdicts are one Query and a subject's a few small ones.
 * Verdicts are stored compact, referring to their rule-set version for every text it decides
 * (`compact-verdict.ts`), and read back whole.
 */
export class DynamoVerdictStore implements VerdictStore {
  constructor(
    private readonly table: DynamoTable,
    private readonly texts: VerdictTextSource,
  ) {}

  /** The items of verdicts to write, compact when the store holds their version (each version asked once per call). */
  private async itemsOf(partition: string, verdicts: readonly Verdict[]): Promise<Item[]> {
    const texts = new Map<string, Promise<VerdictTexts | null>>();
    const items: Item[] = [];
    for (const verdict of verdicts) {
      const key = `${verdict.ruleSetId}\u0000${verdict.ruleSetVersion}\u0000${verdict.year}`;
      if (!texts.has(key)) texts.set(key, this.texts(verdict.ruleSetId, verdict.ruleSetVersion, verdict.year));
      items.push(verdictItem(partition, verdict, await texts.get(key)!));
    }
    return items;
  }

  /** The verdict an item holds: restored from its compact form and its version, or whole (stored before the compact form, or of a version the store lacked). */
  private async verdictOf(item: Item): Promise<Verdict> {
    if (item.kind !== 'verdict' || typeof item.verdict !== 'object' || item.verdict === null) return dataOf<Verdict>(item, 'verdict');
    const stored = item.verdict as CompactVerdict;
    const identity = keys.verdictOfSortKey(String(item.sk));
    if (identity === null) throw new StoreReadError(`item ${String(item.pk)} / ${String(item.sk)} is not a verdict item`);
    const texts = await this.texts(identity.ruleSetId, stored.v, identity.year);
    if (texts === null) throw new StoreReadError(`the verdict ${String(item.sk)} refers to ${identity.ruleSetId} version ${stored.v}, which the store does not hold`);
    return restoreVerdict(stored, { ...identity, determinationId: String(item.determinationId) }, texts);
  }

  private async verdictsOf(items: readonly Item[]): Promise<Verdict[]> {
    const verdicts: Verdict[] = [];
    for (const item of items) verdicts.push(await this.verdictOf(item));
    return verdicts;
  }

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
    const changed: Verdict[] = [];
    for (const verdict of verdicts) {
      const sk = keys.verdict(partition, verdict).sk;
      // Counted in order like the memory store, so a verdict given twice counts as it would there.
      if (stored.get(sk) === verdict.determinationId) continue;
      stored.set(sk, verdict.determinationId);
      changed.push(verdict);
    }
    const writes = await this.itemsOf(partition, changed);
    // The partition's digests go first: an interrupted write must not leave one that vouches for it.
    if (writes.length > 0) await batchWrite(this.table, digestKeysOf(partition, changed.map((v) => v.year)).map((key) => ({ delete: key })));
    await batchWrite(this.table, writes.map((put) => ({ put })));
    return writes.length;
  }

  /**
   * Makes the partition's verdicts of the year exactly these: changed ones written, verdicts no
   * longer produced (a household that moved away or changed status) deleted. Returns the items
   * written and deleted.
   */
  async replacePartitionVerdicts(partition: string, year: number, verdicts: readonly Verdict[], judgedFrom?: string): Promise<number> {
    const digest = verdictDigest(partition, verdicts);
    const mark = await getItem(this.table, keys.verdictDigest(partition, year));
    if (mark?.digest === digest) {
      // The same verdicts: a digest naming other inputs (or none) is told these too, nothing else is written.
      if (judgedFrom !== undefined && mark.judgedFrom !== judgedFrom) await batchWrite(this.table, [{ put: digestItem(partition, year, digest, judgedFrom) }]);
      return 0;
    }
    // A digest present (read strongly above) means no one has written the partition since the
    // last complete nightly write of it, usually a night ago: every other writer deletes the
    // digest first. An eventually consistent Query (half the read units) then sees that state; a
    // view older than it takes two runs of one village within a second, and misleads only if the
    // data changed between them (else a write or delete happens twice). Without a digest,
    // someone wrote since (an on-demand verdict, a removal, an interrupted write): read strongly.
    const items = await queryAll(this.table, keys.partitionVerdicts(partition, year), { consistent: mark === null, attributes: ['pk', 'sk', 'determinationId'] });
    const stored = new Map(items.map((item) => [String(item.sk), item]));
    const changed: Verdict[] = [];
    for (const verdict of verdicts) {
      const sk = keys.verdict(partition, verdict).sk;
      const before = stored.get(sk);
      stored.delete(sk);
      if (before?.determinationId === verdict.determinationId) continue;
      changed.push(verdict);
    }
    const writes = await this.itemsOf(partition, changed);
    const deletes = [...stored.values()].map((item) => ({ delete: { pk: String(item.pk), sk: String(item.sk) } }));
    if (mark !== null && writes.length + deletes.length > 0) await batchWrite(this.table, [{ delete: keys.verdictDigest(partition, year) }]);
    await batchWrite(this.table, [...writes.map((put) => ({ put })), ...deletes]);
    // Written last, once the partition holds exactly these verdicts.
    await batchWrite(this.table, [{ put: digestItem(partition, year, digest, judgedFrom) }]);
    return writes.length + deletes.length;
  }

  /** The digest item's mark, read strongly: present only while the partition is as that write left it. */
  async judgedFrom(partition: string, year: number): Promise<string | null> {
    const mark = await getItem(this.table, keys.verdictDigest(partition, year), ['judgedFrom']);
    return typeof mark?.judgedFrom === 'string' ? mark.judgedFrom : null;
  }

  /** One consistent Query of the partition's keys (every year), then the deletes; the subject is read from the sort key. */
  async deleteSubjectVerdicts(partition: string, subjectType: SubjectType, subjectIds: readonly string[] | 'all'): Promise<number> {
    const items = await queryAll(this.table, keys.partitionAllVerdicts(partition), { consistent: true, attributes: ['pk', 'sk'] });
    const ids = subjectIds === 'all' ? null : new Set(subjectIds);
    const doomed = items.filter((item) => {
      const verdict = keys.verdictOfSortKey(String(item.sk));
      return ids === null || (verdict !== null && verdict.subjectType === subjectType && ids.has(verdict.subjectId));
    });
    const years = doomed.map((item) => keys.verdictOfSortKey(String(item.sk))?.year ?? Number.NaN).filter((year) => !Number.isNaN(year));
    await batchWrite(this.table, digestKeysOf(partition, years).map((key) => ({ delete: key })));
    await batchWrite(this.table, doomed.map((item) => ({ delete: { pk: String(item.pk), sk: String(item.sk) } })));
    return doomed.length;
  }

  /**
   * The subject's partition (a household's from its stored record), the years it holds, then one
   * Query per year of exactly this subject's keys. No index: verdicts stored with a `gsi1` entry
   * (before it was dropped) are read the same way.
   */
  async getSubjectVerdicts(subjectType: SubjectType, subjectId: string): Promise<Verdict[]> {
    const partition = await subjectPartition(this.table, subjectType, subjectId);
    if (partition === null) return [];
    const items: Item[] = [];
    for (const year of await partitionVerdictYears(this.table, partition)) {
      items.push(...(await queryAll(this.table, subjectYearVerdicts(partition, year, subjectType, subjectId))));
    }
    const verdicts = await this.verdictsOf(items);
    return verdicts.sort((a, b) => compareText(`${a.ruleSetId}#${a.year}`, `${b.ruleSetId}#${b.year}`));
  }

  /** Sorted by subject type, subject id and rule set (the memory store keeps insertion order). */
  async listPartitionVerdicts(partition: string, year: number): Promise<Verdict[]> {
    const items = await queryAll(this.table, keys.partitionVerdicts(partition, year), { consistent: true });
    return (await this.verdictsOf(items)).sort(compareVerdicts);
  }
}
