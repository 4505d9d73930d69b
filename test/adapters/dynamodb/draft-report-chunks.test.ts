import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, vi } from 'vitest';
import { createDynamoTable, type DynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { DynamoRuleDraftStore } from '../../../src/adapters/dynamodb/dynamo-rule-draft-store.js';
import { DYNAMO_LIMITS, itemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { queryAll } from '../../../src/adapters/dynamodb/query-all.js';
import { StoreWriteError } from '../../../src/adapters/dynamodb/store-errors.js';
import type { DraftStep } from '../../../src/ports/rule-draft-store.js';
import { DraftReportMissingError, SelfApprovalRefusedError } from '../../../src/use-cases/rule-drafts/draft-errors.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { bigGateReport } from '../../helpers/big-gate-report.js';
import { DRAFT_AT, sampleDraft } from '../../helpers/sample-draft.js';

const dynalite = useDynalite();
const noWait = async () => {};

const AT = DRAFT_AT;
const draft = sampleDraft();
const submit = (report = bigGateReport(3000)): DraftStep => ({ action: 'submit', by: '王芳', at: AT, note: '', status: 'submitted', report });

async function freshTable(): Promise<DynamoTable> {
  return createDynamoTable(dynalite.client, await dynalite.newTable(), { sleep: noWait, attempts: 3 });
}
/** The drafts' items and their reports' chunks (`DRAFT#…` and `DRAFT-REPORT#…`). */
const itemsOf = (table: DynamoTable) => queryAll(table, { ...keys.ruleDrafts('household-exit'), skPrefix: 'DRAFT' }, { consistent: true });

/** The items and read units the Queries of `read` took, as DynamoDB reports them. */
async function readsOf(table: DynamoTable, read: () => Promise<unknown>): Promise<{ items: number; units: number }> {
  const send = table.doc.send.bind(table.doc);
  const totals = { items: 0, units: 0 };
  const spy = vi.spyOn(table.doc, 'send').mockImplementation((async (command: { input: Record<string, unknown> }) => {
    const isQuery = command instanceof QueryCommand;
    if (isQuery) command.input.ReturnConsumedCapacity = 'TOTAL';
    const out = (await send(command as never)) as { ScannedCount?: number; ConsumedCapacity?: { CapacityUnits?: number } };
    if (isQuery) {
      totals.items += out.ScannedCount ?? 0;
      totals.units += out.ConsumedCapacity?.CapacityUnits ?? 0;
    }
    return out;
  }) as never);
  try {
    await read();
  } finally {
    spy.mockRestore();
  }
  return totals;
}

describe('the impact reports of draft steps in DynamoDB', () => {
  it('are kept beside the draft in chunks that each fit an item, the draft keeping the summary figures and a reference', async () => {
    const table = await freshTable();
    const store = new DynamoRuleDraftStore(table);
    await store.create(draft);
    await store.transition('household-exit', 'd1', 'draft', submit());
    const items = await itemsOf(table);
    const chunks = items.filter((i) => i.kind === 'rule-draft-report');
    expect(chunks.length).toBeGreaterThan(1);
    for (const item of items) expect(itemSize(item)).toBeLessThan(DYNAMO_LIMITS.itemBytes);
    const stored = items.find((i) => i.kind === 'rule-draft') as { data: { steps: Record<string, unknown>[] } };
    const step = stored.data.steps[1]!;
    expect(step.report).toBeUndefined();
    expect(step.reportSummary).toMatchObject({ ok: true, totals: { households: { changed: 3000 } } });
    expect(step.reportRef).toMatchObject({ chunks: chunks.length });
  });

  it('are never read back short: a chunk gone is an error naming the draft', async () => {
    const table = await freshTable();
    const store = new DynamoRuleDraftStore(table);
    await store.create(draft);
    await store.transition('household-exit', 'd1', 'draft', submit());
    const chunk = (await itemsOf(table)).find((i) => i.kind === 'rule-draft-report' && i.index === 1)!;
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: { pk: chunk.pk, sk: chunk.sk } }));
    await expect(store.get('household-exit', 'd1')).rejects.toBeInstanceOf(DraftReportMissingError);
    await expect(store.report('household-exit', 'd1', String(chunk.reportKey))).rejects.toThrow(/d1/);
  });

  it('are not read to list the drafts: the list reads the drafts’ items alone', async () => {
    const table = await freshTable();
    const store = new DynamoRuleDraftStore(table);
    await store.create(draft);
    await store.create({ ...draft, draftId: 'd2' });
    await store.transition('household-exit', 'd1', 'draft', submit());
    await store.transition('household-exit', 'd2', 'draft', submit(bigGateReport(2000)));
    expect((await itemsOf(table)).filter((i) => i.kind === 'rule-draft-report').length).toBeGreaterThan(4);
    const queried = await readsOf(table, () => store.list('household-exit'));
    expect(queried).toEqual({ items: 2, units: expect.any(Number) });
    // Two small items, read strongly consistent: a few read units, where the chunks would take hundreds.
    expect(queried.units).toBeLessThan(10);
  });

  it('are read from where they were kept before they moved out of the drafts’ prefix', async () => {
    const table = await freshTable();
    const store = new DynamoRuleDraftStore(table);
    await store.create(draft);
    await store.transition('household-exit', 'd1', 'draft', submit());
    const report = (await store.get('household-exit', 'd1'))!.steps[1]!.report;
    // The chunks moved back under the draft's own prefix, as the layout before kept them.
    for (const chunk of (await itemsOf(table)).filter((i) => i.kind === 'rule-draft-report')) {
      await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: { pk: chunk.pk, sk: chunk.sk } }));
      const legacy = `DRAFT#d1#REPORT#${String(chunk.reportKey)}#${String(chunk.index).padStart(4, '0')}`;
      await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...chunk, sk: legacy } }));
    }
    expect((await store.get('household-exit', 'd1'))!.steps[1]!.report).toEqual(report);
    const [listed] = await store.list('household-exit');
    expect(listed!.steps[1]!.reportSummary?.totals?.households.changed).toBe(3000);
    expect(await store.report('household-exit', 'd1', listed!.steps[1]!.reportRef!.key)).toEqual(report);
  });

  it('leave nothing behind for a step the store refuses', async () => {
    const table = await freshTable();
    const store = new DynamoRuleDraftStore(table);
    await store.create(draft);
    await store.transition('household-exit', 'd1', 'draft', submit());
    const before = (await itemsOf(table)).length;
    const own = { action: 'approve', by: '王芳', at: AT, note: '', status: 'approved', selfApproved: true, report: bigGateReport(1000) } as const;
    await expect(new DynamoRuleDraftStore(table, true).transition('household-exit', 'd1', 'draft', own, 2)).rejects.toThrow();
    await expect(store.transition('household-exit', 'd1', 'submitted', { ...own, selfApproved: undefined } as DraftStep, 2)).rejects.toBeInstanceOf(SelfApprovalRefusedError);
    expect((await itemsOf(table)).length).toBe(before);
  });
});

/*
 * Faults dynalite never produces: a report's chunk write that DynamoDB keeps leaving
 * unprocessed, and a step's update lost on the network. A mocked DocumentClient plays the
 * fault and hands every other command to a real client on dynalite.
 */
describe('an interrupted step of a draft with a report', () => {
  async function faultyStore(fault: 'chunks' | 'update') {
    const table = await freshTable();
    const real = createDynamoTable(dynalite.client, table.tableName);
    const faulty = createDynamoTable(dynalite.client, table.tableName, { sleep: noWait, attempts: 3 });
    const mock = mockClient(faulty.doc);
    mock.on(GetCommand).callsFake((input) => real.doc.send(new GetCommand(input)));
    mock.on(QueryCommand).callsFake((input) => real.doc.send(new QueryCommand(input)));
    mock.on(PutCommand).callsFake((input) => real.doc.send(new PutCommand(input)));
    let calls = 0;
    mock.on(BatchWriteCommand).callsFake(async (input) => {
      if (fault !== 'chunks') return real.doc.send(new BatchWriteCommand(input));
      // The first chunk is written, the others stay unprocessed whatever the retries.
      const [first, ...rest] = input.RequestItems[table.tableName];
      calls += 1;
      if (calls === 1) await real.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: [first] } }));
      return { UnprocessedItems: { [table.tableName]: calls === 1 ? rest : [first, ...rest] } };
    });
    mock.on(UpdateCommand).callsFake((input) => {
      if (fault === 'update') throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
      return real.doc.send(new UpdateCommand(input));
    });
    await new DynamoRuleDraftStore(faulty).create(draft);
    return { faulty: new DynamoRuleDraftStore(faulty), sound: new DynamoRuleDraftStore(real), mock };
  }

  it('when the report’s chunks are not all written, leaves the step not taken and the draft readable', async () => {
    const { faulty, sound, mock } = await faultyStore('chunks');
    await expect(faulty.transition('household-exit', 'd1', 'draft', submit())).rejects.toBeInstanceOf(StoreWriteError);
    expect(mock.commandCalls(UpdateCommand)).toHaveLength(0);
    const read = (await sound.get('household-exit', 'd1'))!;
    expect(read.status).toBe('draft');
    expect(read.steps.map((s) => s.action)).toEqual(['create']);
    // Taken again once the store is sound, the step points at a whole report.
    const report = bigGateReport(3000, 'again');
    await sound.transition('household-exit', 'd1', 'draft', submit(report));
    expect((await sound.get('household-exit', 'd1'))!.steps[1]!.report).toEqual(report);
    const ref = (await sound.list('household-exit'))[0]!.steps[1]!.reportRef!;
    expect(await sound.report('household-exit', 'd1', ref.key)).toEqual(report);
  });

  it('when the step’s update is lost, leaves the draft as it was, its report written but pointed at by nothing', async () => {
    const { faulty, sound } = await faultyStore('update');
    await expect(faulty.transition('household-exit', 'd1', 'draft', submit())).rejects.toThrow('socket hang up');
    const read = (await sound.get('household-exit', 'd1'))!;
    expect(read.steps.map((s) => s.action)).toEqual(['create']);
    expect(read.status).toBe('draft');
  });
});
