import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDynamoClient, createDynamoStores } from '../../../src/adapters/dynamodb/dynamo-stores.js';
import { StoreWriteError } from '../../../src/adapters/dynamodb/store-errors.js';
import { RuleSetConflictError } from '../../../src/engine/errors.js';
import type { RuleSet } from '../../../src/engine/rule-set-schema.js';
import { card, published, village } from './builders.js';

/*
 * Faults dynalite never produces (it processes every batch item and never throttles), played
 * by a mocked DocumentClient. Everything else is tested against the real server.
 */
const mock = mockClient(DynamoDBDocumentClient);
afterEach(() => mock.reset());
// The record store reads the content hashes of what it is about to put: here nothing is stored yet.
beforeEach(() => mock.on(BatchGetCommand).resolves({ Responses: { faults: [] } }));
afterAll(() => mock.restore());

const client = createDynamoClient({ endpoint: 'http://127.0.0.1:9' });
type Request = { PutRequest?: { Item: Record<string, unknown> }; DeleteRequest?: { Key: Record<string, unknown> } };

/** Stores whose retries record their waits instead of waiting. */
function storesRecordingWaits(retry: { attempts?: number; baseMs?: number; capMs?: number; random?: () => number } = {}) {
  const waits: number[] = [];
  const stores = createDynamoStores({ client, tableName: 'faults', sleep: async (ms) => void waits.push(ms), retry });
  return { stores, waits };
}

// Villages stand for any records put in batches (households also keep their villages' rosters).
const villages = (count: number) => Array.from({ length: count }, (_, i) => village({ villageId: `V${String(i).padStart(2, '0')}`, countyId: 'C1' }));
const requestsOf = (input: { RequestItems?: Record<string, unknown[]> }) => (input.RequestItems?.faults ?? []) as Request[];
const pkOf = (r: Request) => String(r.PutRequest?.Item.pk ?? r.DeleteRequest?.Key.pk);
const throttling = (name: string) => Object.assign(new Error(`${name}: slow down`), { name });

describe('batch writes under faults', () => {
  it('resend unprocessed items until accepted, writing every item exactly once', async () => {
    const refusals = new Map<string, number>();
    const written: string[] = [];
    mock.on(BatchWriteCommand).callsFake((input) => {
      const unprocessed: Request[] = [];
      for (const request of requestsOf(input)) {
        const refused = refusals.get(pkOf(request)) ?? 0;
        // Every item is left unprocessed twice, then accepted.
        if (refused < 2) {
          refusals.set(pkOf(request), refused + 1);
          unprocessed.push(request);
        } else written.push(pkOf(request));
      }
      return { UnprocessedItems: unprocessed.length > 0 ? { faults: unprocessed } : {} };
    });
    const { stores, waits } = storesRecordingWaits();
    await stores.records.putVillages(villages(30));
    expect(written.sort()).toEqual(villages(30).map((v) => `VILLAGE#${v.villageId}`));
    expect(waits).toHaveLength(4);
  });

  it.each(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded'])('retry a batch refused with %s, then write it once', async (name) => {
    mock.on(BatchWriteCommand).rejectsOnce(throttling(name)).rejectsOnce(throttling(name)).resolves({});
    const { stores, waits } = storesRecordingWaits();
    await stores.records.putVillages(villages(3));
    expect(mock.commandCalls(BatchWriteCommand)).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it('wait with full jitter under an exponential ceiling that stops at the cap', async () => {
    mock.on(BatchWriteCommand).rejects(throttling('ThrottlingException'));
    const { stores, waits } = storesRecordingWaits({ attempts: 6, baseMs: 10, capMs: 100, random: () => 0.5 });
    await expect(stores.records.putVillages(villages(1))).rejects.toBeInstanceOf(StoreWriteError);
    expect(waits).toEqual([10, 20, 40, 50, 50]);
  });

  it('give up after the attempts with a StoreWriteError counting every write not applied', async () => {
    mock.on(BatchWriteCommand).callsFake((input) => ({ UnprocessedItems: { faults: requestsOf(input).slice(0, 3) } }));
    const { stores } = storesRecordingWaits({ attempts: 4 });
    const error = await stores.records.putVillages(villages(30)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect(error).toMatchObject({ code: 'STORE_WRITE', unprocessed: 6 });
    expect(mock.commandCalls(BatchWriteCommand)).toHaveLength(8);
  });

  it('fail at once, without retrying, on an error that is not throttling', async () => {
    mock.on(BatchWriteCommand).rejects(Object.assign(new Error('Item size has exceeded the maximum allowed size'), { name: 'ValidationException' }));
    const { stores, waits } = storesRecordingWaits();
    await expect(stores.records.putVillages(villages(3))).rejects.toMatchObject({ code: 'STORE_WRITE', unprocessed: 3 });
    expect(waits).toEqual([]);
  });
});

describe('batch reads under faults', () => {
  it('resend unprocessed keys so every stored card is compared', async () => {
    const stored = { pk: 'CARDS#township#T1', sk: 'QUARTER#2018Q3', kind: 'card', data: card() };
    mock
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { faults: [] }, UnprocessedKeys: { faults: { Keys: [{ pk: stored.pk, sk: stored.sk }] } } })
      .resolves({ Responses: { faults: [stored] } });
    mock.on(BatchWriteCommand).resolves({});
    const { stores } = storesRecordingWaits();
    expect(await stores.accountability.putCards([card()])).toBe(0);
    expect(mock.commandCalls(BatchGetCommand)).toHaveLength(2);
    expect(mock.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });
});

describe('publishing under faults', () => {
  it('turns a failed publish condition into RuleSetConflictError', async () => {
    mock
      .on(PutCommand)
      .resolves({})
      .on(PutCommand, { ConditionExpression: 'attribute_not_exists(#pk)' })
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    const { stores } = storesRecordingWaits();
    const ruleSet = { id: 'household-exit', version: 3 } as RuleSet;
    await expect(stores.ruleSets.publish(published(ruleSet))).rejects.toBeInstanceOf(RuleSetConflictError);
    expect(mock.commandCalls(PutCommand).map((c) => c.args[0].input.Item?.kind)).toEqual(['rule-set-version', 'rule-set-id']);
  });
});
