import { ConditionalCheckFailedException, DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpHandler } from '../../functions/_shared/http-handler.js';
import type { TaskHandler } from '../../functions/_shared/task-handler.js';
import { configureFunctions } from './function-env.js';
import { apiEvent, bodyOf, lambdaContext } from './lambda-events.js';

/**
 * Powertools reads the conflicting record from the ConditionalCheckFailedException of its
 * PutItem (ReturnValuesOnConditionCheckFailure: ALL_OLD), which dynalite does not return: the
 * conflict paths are driven here with a mocked client instead.
 */
const dynamo = mockClient(DynamoDBClient);
const documents = mockClient(DynamoDBDocumentClient);

let reEvaluate: HttpHandler;
let scoreBatch: TaskHandler<unknown>;

beforeAll(async () => {
  configureFunctions('http://127.0.0.1:9', 'tuopin-mocked');
  reEvaluate = (await import('../../functions/post-village-re-evaluation.js')).handler;
  scoreBatch = (await import('../../functions/score-village-batch.js')).handler;
});

beforeEach(() => {
  dynamo.reset();
  documents.reset();
  dynamo.on(DeleteItemCommand).resolves({});
  documents.resolves({});
});

const retryEvent = () => apiEvent('post-village-re-evaluation', { pathParameters: { villageId: 'V-1' }, body: { year: 2018 }, headers: { 'Idempotency-Key': 'k-1' } });
const batchEvent = { runId: 'run-1', quarter: '2018Q4', ruleSetVersions: { 'household-exit': 1 }, countyId: 'C-1', villageIds: ['V-1'] };

/** The record Powertools writes when it takes a key: captured from a first call that acquires it. */
async function acquiredRecord(call: () => Promise<unknown>): Promise<Record<string, AttributeValue>> {
  dynamo.on(PutItemCommand).resolves({});
  await call().catch(() => {});
  const put = dynamo.commandCalls(PutItemCommand)[0]!;
  dynamo.reset();
  dynamo.on(DeleteItemCommand).resolves({});
  return put.args[0].input.Item!;
}

const conflict = (item: Record<string, AttributeValue>) =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {}, Item: item });

describe('a request whose Idempotency-Key is taken by a request still running', () => {
  it('is refused with 409, does no work, and leaves the running request its record', async () => {
    const record = await acquiredRecord(() => reEvaluate(retryEvent(), lambdaContext()));
    expect(record.status).toEqual({ S: 'INPROGRESS' });
    dynamo.on(PutItemCommand).rejects(conflict(record));
    documents.reset();

    const response = await reEvaluate(retryEvent(), lambdaContext());

    expect(response.statusCode).toBe(409);
    expect(bodyOf(response).error).toMatchObject({ code: 'REQUEST_IN_PROGRESS' });
    expect(documents.calls()).toHaveLength(0);
    expect(dynamo.commandCalls(GetItemCommand)).toHaveLength(0);
    // Powertools 2.35 deleted the running request's record here (powertools-lambda-typescript#5675).
    expect(dynamo.commandCalls(DeleteItemCommand)).toHaveLength(0);
  });
});

describe('a retry whose Idempotency-Key finished', () => {
  it('gets the stored response without any work', async () => {
    const record = await acquiredRecord(() => reEvaluate(retryEvent(), lambdaContext()));
    const stored = { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"villageId":"V-1"}' };
    const data: AttributeValue = {
      M: { statusCode: { N: '200' }, headers: { M: { 'content-type': { S: stored.headers['content-type'] } } }, body: { S: stored.body } },
    };
    dynamo.on(PutItemCommand).rejects(conflict({ ...record, status: { S: 'COMPLETED' }, data }));
    documents.reset();

    expect(await reEvaluate(retryEvent(), lambdaContext())).toEqual(stored);
    expect(documents.calls()).toHaveLength(0);
    expect(dynamo.commandCalls(DeleteItemCommand)).toHaveLength(0);
  });
});

describe('a batch task retried while the first attempt still runs', () => {
  it('fails so that Step Functions retries it later, and leaves the first attempt its record', async () => {
    const record = await acquiredRecord(() => scoreBatch(batchEvent, lambdaContext()));
    dynamo.on(PutItemCommand).rejects(conflict(record));
    documents.reset();

    await expect(scoreBatch(batchEvent, lambdaContext())).rejects.toMatchObject({ name: 'IdempotencyAlreadyInProgressError' });
    expect(documents.calls()).toHaveLength(0);
    expect(dynamo.commandCalls(DeleteItemCommand)).toHaveLength(0);
  });
});

describe('a request that fails after taking its key', () => {
  it('releases the key so that a retry runs again', async () => {
    dynamo.on(PutItemCommand).resolves({});
    const response = await reEvaluate(retryEvent(), lambdaContext());
    expect(response.statusCode).toBe(404);
    expect(dynamo.commandCalls(DeleteItemCommand)).toHaveLength(1);
  });
});
