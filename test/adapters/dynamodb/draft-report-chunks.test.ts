import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
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
const itemsOf = (table: DynamoTable) => queryAll(table, keys.ruleDrafts('household-exit'), { consistent: true });

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
    await expect(store.list('household-exit')).rejects.toThrow(/d1/);
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
    expect((await sound.list('household-exit'))[0]!.steps[1]!.report).toEqual(report);
  });

  it('when the step’s update is lost, leaves the draft as it was, its report written but pointed at by nothing', async () => {
    const { faulty, sound } = await faultyStore('update');
    await expect(faulty.transition('household-exit', 'd1', 'draft', submit())).rejects.toThrow('socket hang up');
    const read = (await sound.get('household-exit', 'd1'))!;
    expect(read.steps.map((s) => s.action)).toEqual(['create']);
    expect(read.status).toBe('draft');
  });
});
