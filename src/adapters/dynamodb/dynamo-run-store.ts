import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RunRecord, RunStore, VillageTally } from '../../ports/run-store.js';
import { batchWrite } from './batch-write.js';
import { getItem, type DynamoTable } from './dynamo-table.js';
import { compareText } from '../../kernel/text.js';
import { keys, type TableKey } from './keys.js';
import { dataOf, runItem, type Item } from './mappers.js';
import { queryAll } from './query-all.js';
import { RunConflictError } from '../../ports/run-store.js';
import { tallyChunkKeys, tallyFromItems, tallyLabelSource, tallyToItems } from './tally-chunks.js';
import { tallyTexts } from './tally-labels.js';
import type { VerdictTextSource } from './verdict-text-source.js';

/**
 * Village tallies (one partition per quarter and county) and run records (listed by quarter in
 * `gsi1`). A tally's overview labels come from the published versions it names, through `texts`
 * (the verdict store's source, cached per process); without it, or for a version the store
 * lacks, the labels are stored.
 */
export class DynamoRunStore implements RunStore {
  constructor(
    private readonly table: DynamoTable,
    private readonly texts?: VerdictTextSource,
  ) {}

  /**
   * Writes the tally unless the same content is stored already. The parts the stored header
   * does not name go first, then the header that names the new parts, then the parts (or an
   * older layout's chunks) only the old header named are deleted: a reader sees the old tally
   * or the new one, never a mix, and a rewrite puts only the parts whose content changed.
   */
  async putVillageTally(tally: VillageTally, judgedFrom?: string): Promise<void> {
    const texts = tally.overview === undefined ? undefined : await tallyTexts(this.texts, tally.versions, tally.quarter);
    const items = tallyToItems(tally, { texts });
    const { hash, chunks } = items;
    // The mark rides on the header, outside the hash: the same tally from other inputs is the same tally.
    const header = judgedFrom === undefined ? items.header : { ...items.header, judgedFrom };
    // Only the hash, the part list and the mark are compared: the header's tally itself is not sent back.
    const previous = await getItem(this.table, keys.tally(tally.quarter, tally.countyId, tally.villageId), ['hash', 'chunks', 'judgedFrom']);
    if (previous?.hash === hash) {
      // The same tally: only a mark that names other inputs is rewritten (the header alone; its parts stay).
      if (judgedFrom !== undefined && previous.judgedFrom !== judgedFrom) await batchWrite(this.table, [{ put: header }]);
      return;
    }
    const where = [tally.quarter, tally.countyId, tally.villageId] as const;
    const keyText = (key: TableKey) => `${key.pk}\u0000${key.sk}`;
    const stored = new Set((previous ? tallyChunkKeys(previous, ...where) : []).map(keyText));
    await batchWrite(this.table, chunks.filter((put) => !stored.has(keyText({ pk: String(put.pk), sk: String(put.sk) }))).map((put) => ({ put })));
    await batchWrite(this.table, [{ put: header }]);
    const kept = new Set(tallyChunkKeys(header, ...where).map(keyText));
    const stale = (previous ? tallyChunkKeys(previous, ...where) : []).filter((key) => !kept.has(keyText(key)));
    await batchWrite(this.table, stale.map((key) => ({ delete: key })));
  }

  /** The header's mark, read strongly; a header rewritten without one drops it. */
  async tallyJudgedFrom(quarter: string, countyId: string, villageId: string): Promise<string | null> {
    const header = await getItem(this.table, keys.tally(quarter, countyId, villageId), ['judgedFrom']);
    return typeof header?.judgedFrom === 'string' ? header.judgedFrom : null;
  }

  /** The county's tallies of the quarter, by village id. */
  async listVillageTallies(quarter: string, countyId: string): Promise<VillageTally[]> {
    const headers: Item[] = [];
    const chunks = new Map<string, Item[]>();
    for (const item of await queryAll(this.table, keys.countyTallies(quarter, countyId), { consistent: true })) {
      if (item.kind === 'tally') headers.push(item);
      else if (item.kind === 'tally-chunk') chunks.set(String(item.villageId), [...(chunks.get(String(item.villageId)) ?? []), item]);
    }
    const tallies = await Promise.all(
      headers.map(async (header) => {
        const source = tallyLabelSource(header);
        const texts = source ? await tallyTexts(this.texts, source.versions, source.quarter) : undefined;
        return tallyFromItems(header, chunks.get(String(header.villageId)) ?? [], texts);
      }),
    );
    return tallies.sort((a, b) => compareText(a.villageId, b.villageId));
  }

  /**
   * Finds each village's tally headers of every quarter through `gsi1` (no scan), then deletes
   * each header with the chunks it names.
   */
  async deleteVillageTallies(villageIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const villageId of villageIds) {
      const headers = await queryAll(this.table, keys.villageTallies(villageId));
      const doomed: TableKey[] = [];
      for (const header of headers) {
        // Headers written before `quarter` and `countyId` were copied to the top hold them in `data`.
        const { quarter, countyId } = (header.quarter === undefined ? header.data : header) as Pick<VillageTally, 'quarter' | 'countyId'>;
        doomed.push({ pk: String(header.pk), sk: String(header.sk) });
        doomed.push(...tallyChunkKeys(header, quarter, countyId, villageId));
      }
      await batchWrite(this.table, doomed.map((key) => ({ delete: key })));
      deleted += headers.length;
    }
    return deleted;
  }

  /**
   * Creates or updates a run. The condition lets a write through only when the id is new or
   * belongs to the same run (same quarter and start), so a run id is never taken over.
   */
  async putRun(run: RunRecord): Promise<void> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: runItem(run),
          ConditionExpression: 'attribute_not_exists(#pk) OR (#startedAt = :startedAt AND #quarter = :quarter)',
          ExpressionAttributeNames: { '#pk': 'pk', '#startedAt': 'startedAt', '#quarter': 'quarter' },
          ExpressionAttributeValues: { ':startedAt': run.startedAt, ':quarter': run.quarter },
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') throw new RunConflictError(run.runId);
      throw error;
    }
  }

  async getRun(runId: string): Promise<RunRecord | null> {
    const item = await getItem(this.table, keys.run(runId));
    return item ? dataOf<RunRecord>(item, 'run') : null;
  }

  /** The quarter's runs by start time. */
  async listRuns(quarter: string): Promise<RunRecord[]> {
    const runs = (await queryAll(this.table, keys.quarterRuns(quarter))).map((item) => dataOf<RunRecord>(item, 'run'));
    return runs.sort((a, b) => compareText(a.startedAt, b.startedAt) || compareText(a.runId, b.runId));
  }
}
