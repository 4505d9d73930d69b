import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlannedRun } from '../../src/use-cases/nightly/plan-run.js';
import type { TableAction } from '../../infra/constructs/table-access.js';
import { ROUTES, type RouteName } from '../../functions/_shared/routes.js';
import { FUNCTION_ACCESS } from '../../infra/function-access.js';
import { importApiHandlers } from '../../src/cli/serve/api-handlers.js';
import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import { importDataset } from '../../src/use-cases/import/import-dataset.js';
import { seedRuleSets } from '../../src/use-cases/seed-rule-sets.js';
import { configureFunctions } from '../functions/function-env.js';
import { apiEvent, lambdaContext, taskEvent } from '../functions/lambda-events.js';
import { useDynalite } from '../helpers/dynalite.js';
import { useLocalS3 } from '../helpers/local-sfn/use-local-s3.js';
import { succeededChild, writeMapRunResults } from '../helpers/local-sfn/result-writer.js';
import { RESULT_PREFIXES } from '../../src/kernel/nightly-objects.js';
import { repositoryRuleSets } from '../helpers/repository-rule-sets.js';

/*
 * The IAM conditions of infra/function-access.ts checked against what the functions really
 * send: every handler runs on dynalite through its use cases, every request it sends is
 * recorded (action, table or index, leading keys), and each must be allowed by the patterns
 * its role is granted. A use case that starts reading a new key fails here, not in production.
 */

const dynamo = useDynalite();
const bucket = useLocalS3();
const EXAMPLE = fileURLToPath(new URL('../fixtures/example', import.meta.url));
const DRAFTS = new URL('../fixtures/drafts/', import.meta.url);
const json = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;

interface Request {
  readonly fn: string;
  readonly action: string;
  readonly index: boolean;
  readonly keys: string[];
}

const sent: Request[] = [];
let current = '(none)';

type Body = Record<string, any>;
const s = (value: { S?: string } | undefined) => value?.S ?? '(not a string)';

/** The leading keys of a DynamoDB request, as IAM evaluates `dynamodb:LeadingKeys`. */
function leadingKeys(action: string, body: Body): { index: boolean; keys: string[] } {
  switch (action) {
    case 'GetItem':
    case 'DeleteItem':
    case 'UpdateItem':
      return { index: false, keys: [s(body.Key.pk)] };
    case 'PutItem':
      return { index: false, keys: [s(body.Item.pk)] };
    case 'Query': {
      const alias = Object.entries(body.ExpressionAttributeNames as Record<string, string>).find(([, name]) => name === 'pk' || name === 'gsi1pk')![0];
      const value = new RegExp(`${alias} = (:\\w+)`).exec(body.KeyConditionExpression as string)![1]!;
      return { index: body.IndexName !== undefined, keys: [s(body.ExpressionAttributeValues[value])] };
    }
    case 'BatchGetItem':
      return { index: false, keys: Object.values(body.RequestItems as Record<string, { Keys: Body[] }>).flatMap((r) => r.Keys.map((k) => s(k.pk))) };
    case 'BatchWriteItem':
      return {
        index: false,
        keys: Object.values(body.RequestItems as Record<string, Body[]>).flatMap((requests) => requests.map((r) => s(r.PutRequest?.Item.pk ?? r.DeleteRequest?.Key.pk))),
      };
    default:
      return { index: false, keys: [] };
  }
}

/** IAM's StringLike: `*` any run of characters, `?` one character. */
const like = (pattern: string, value: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(value);

function allowed(request: Request): boolean {
  const access = FUNCTION_ACCESS[request.fn];
  if (!access) return false;
  const patterns = request.index ? (request.action === 'Query' ? (access.index ?? []) : []) : (access.table[request.action as TableAction] ?? []);
  return request.keys.every((key) => patterns.some((pattern) => like(pattern, key)));
}

/** The nightly tasks, imported once the environment is set (their config is read at import); the API's handlers come from `importApiHandlers`. */
const TASK_MODULES: Record<string, () => Promise<{ handler: unknown }>> = {
  'plan-run': () => import('../../functions/plan-run.js'),
  'score-village-batch': () => import('../../functions/score-village-batch.js'),
  'aggregate-county': () => import('../../functions/aggregate-county.js'),
  'account-county': () => import('../../functions/account-county.js'),
  'finish-run': () => import('../../functions/finish-run.js'),
};
/** Every function of the stack: the nightly tasks and one per route. */
const FUNCTIONS = [...Object.keys(TASK_MODULES), ...Object.keys(ROUTES)];

const handlers: Record<string, (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<any>> = {};
const call = async (fn: string, event: unknown) => {
  current = fn;
  try {
    return await handlers[fn]!(event, lambdaContext(fn));
  } finally {
    current = '(none)';
  }
};
const api = (fn: Parameters<typeof apiEvent>[0], parts: Parameters<typeof apiEvent>[1]) => call(fn, apiEvent(fn, parts));
/** A read route of the console, as API Gateway sends it (the GET fixture with the route's resource). */
const read = (fn: RouteName, pathParameters: Record<string, string> | null, query: Record<string, string> | null = null) => {
  const resource = ROUTES[fn].path;
  const path = resource.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(pathParameters?.[key] ?? ''));
  return call(fn, { ...apiEvent('get-verdicts'), resource, path, pathParameters, queryStringParameters: query, body: null });
};

beforeAll(async () => {
  const stores = dynamo.stores();
  await importDataset(stores, await readDatasetFolder(EXAMPLE));
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  configureFunctions(dynamo.endpoint, dynamo.tableName, bucket);
  // The one-step publication below is what self-approval does; the draft routes take two people.
  process.env.ALLOW_SELF_APPROVAL = 'true';
  for (const [fn, load] of Object.entries(TASK_MODULES)) handlers[fn] = (await load()).handler as (typeof handlers)[string];
  // Every handler of the container shares the environment's clients: record what their client sends, once serialised.
  const { environmentClients } = await import('../../functions/_shared/clients.js');
  const clients = await environmentClients();
  Object.assign(handlers, await importApiHandlers(clients));
  clients.client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: string | Uint8Array };
      const action = (request.headers['x-amz-target'] ?? '').split('.')[1] ?? '?';
      const body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
      sent.push({ fn: current, action, ...leadingKeys(action, JSON.parse(body) as Body) });
      return next(args);
    },
    { step: 'build', name: 'recordLeadingKeys' },
  );

  // The nightly run, as the state machine calls its tasks, a batch retried (the idempotent replay).
  const plan = (await call('plan-run', taskEvent('plan-run'))) as PlannedRun;
  const run = { runId: plan.runId, quarter: plan.quarter, ruleSetVersions: plan.ruleSetVersions };
  const batches = JSON.parse(await bucket.objects.get(plan.batchesKey)) as { countyId: string; villageIds: string[] }[];
  const counties = JSON.parse(await bucket.objects.get(plan.countiesKey)) as { countyId: string }[];
  const batchResults = [];
  for (const batch of batches) batchResults.push(succeededChild(batchResults.length, batch, await call('score-village-batch', { ...run, countyId: batch.countyId, villageIds: batch.villageIds })));
  await call('score-village-batch', { ...run, countyId: batches[0]!.countyId, villageIds: batches[0]!.villageIds });
  const countyResults = [];
  for (const { countyId } of counties) {
    const aggregate = await call('aggregate-county', { ...run, countyId });
    const accountability = await call('account-county', { ...run, countyId });
    countyResults.push(succeededChild(countyResults.length, { countyId }, { ...run, countyId, aggregate, accountability }));
  }
  await call('finish-run', {
    ...run,
    startedAt: plan.startedAt,
    batchResults: await writeMapRunResults(bucket.objects, 'ScoreVillages', RESULT_PREFIXES.villages, batchResults),
    countyResults: await writeMapRunResults(bucket.objects, 'RollUpCounties', RESULT_PREFIXES.counties, countyResults),
  });

  // The evaluation API: inline, each kind of stored subject, a re-evaluation and its replay, the verdicts.
  const household = (await stores.records.listHouseholds('C-W-T2-V0'))[0]!;
  for (const body of [
    { ruleSetId: 'household-exit', year: 2018, record: household },
    { ruleSetId: 'household-exit', year: 2018, subjectId: household.householdId },
    { ruleSetId: 'village-exit', year: 2018, subjectId: 'C-W-T2-V0' },
    { ruleSetId: 'county-exit', year: 2018, subjectId: 'C-W' },
  ]) {
    expect((await api('post-evaluation', { body })).statusCode).toBe(200);
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const response = await api('post-village-re-evaluation', { pathParameters: { villageId: 'C-W-T2-V0' }, body: { year: 2018 }, headers: { 'Idempotency-Key': 'k-1' } });
    expect(response.statusCode).toBe(200);
  }
  expect((await api('get-verdicts', { pathParameters: { subjectType: 'household', subjectId: household.householdId } })).statusCode).toBe(200);

  // The console's read routes, each on what the run above left.
  expect((await read('get-runs', null, { quarter: plan.quarter })).statusCode).toBe(200);
  expect((await read('get-run', { runId: plan.runId })).statusCode).toBe(200);
  expect((await read('get-counties', null)).statusCode).toBe(200);
  expect((await read('get-county-overview', { countyId: 'C-W', quarter: plan.quarter })).statusCode).toBe(200);
  expect((await read('get-village-households', { villageId: 'C-W-T2-V0' }, { year: '2018' })).statusCode).toBe(200);
  expect((await read('get-county-accountability', { countyId: 'C-W', quarter: plan.quarter })).statusCode).toBe(200);
  expect((await read('get-unit-cards', { unitType: 'township', unitId: 'C-W-T2' })).statusCode).toBe(200);
  expect((await read('get-county-trends', { countyId: 'C-W', quarter: plan.quarter })).statusCode).toBe(200);
  expect((await read('get-county-report', { countyId: 'C-W', quarter: plan.quarter })).statusCode).toBe(200);

  // The rule-set administration API: list, history, validate, publish, roll back.
  const ruleSetPath = { pathParameters: { ruleSetId: 'household-exit' } };
  expect((await api('get-rule-sets', {})).statusCode).toBe(200);
  expect((await api('get-rule-set-versions', ruleSetPath)).statusCode).toBe(200);
  expect((await read('get-household', { householdId: household.householdId })).statusCode).toBe(200);
  expect((await read('get-village', { villageId: 'C-W-T2-V0' })).statusCode).toBe(200);
  const draft = { ruleSet: json(new URL('household-exit-v2.json', DRAFTS)), cases: json(new URL('household-exit-v2.cases.json', DRAFTS)) };
  expect((await api('post-rule-set-validation', { ...ruleSetPath, body: draft })).statusCode).toBe(200);
  const published = await api('post-rule-set-version', { ...ruleSetPath, body: { ...draft, note: '2018 line 4200', acceptImpact: true } });
  expect(JSON.parse(published.body as string)).toMatchObject({ status: 'published' });
  const v1Cases = json(new URL('../scenarios/household-exit/v1.cases.json', import.meta.url));
  const rolledBack = await api('post-rule-set-rollback', { ...ruleSetPath, body: { to: 1, cases: v1Cases, note: 'back', acceptImpact: true } });
  expect(JSON.parse(rolledBack.body as string)).toMatchObject({ status: 'published' });

  // The draft lifecycle: created, saved, its cases run and confirmed, submitted and approved by
  // another, a second draft rejected and a third withdrawn; the history.
  const as = (caller: string) => ({ headers: {}, caller });
  const step = async (fn: RouteName, pathParameters: Record<string, string>, body: unknown, who = as('arn:aws-cn:sts::123456789012:assumed-role/tuopin-policy-staff/wangfang')) => {
    const route = ROUTES[fn];
    const event = { ...apiEvent('post-rule-set-version'), resource: route.path, httpMethod: route.method, pathParameters, body: body === null ? null : JSON.stringify(body) };
    event.path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(pathParameters[key] ?? ''));
    event.requestContext = { ...event.requestContext, identity: { ...event.requestContext.identity, userArn: who.caller } };
    const response = await call(fn, event);
    return { status: response.statusCode as number, body: JSON.parse(response.body as string) };
  };
  const approver = as('arn:aws-cn:sts::123456789012:assumed-role/tuopin-approver/liqiang');
  const created = await step('post-rule-set-draft', { ruleSetId: 'household-exit' }, { note: 'raise the line again' });
  expect(created.status).toBe(200);
  const at = { ruleSetId: 'household-exit', draftId: created.body.draftId as string };
  const raised = { ...created.body.ruleSet, parameters: { ...created.body.ruleSet.parameters, exitLine: { byYear: { ...created.body.ruleSet.parameters.exitLine.byYear, 2018: 4300 } } } };
  expect((await step('post-rule-set-draft-save', at, { ruleSet: raised, cases: created.body.cases })).status).toBe(200);
  expect((await step('get-rule-set-draft', at, null)).status).toBe(200);
  expect((await step('get-rule-set-drafts', { ruleSetId: 'household-exit' }, null)).status).toBe(200);
  expect((await step('post-rule-set-draft-case-run', at, {})).status).toBe(200);
  expect((await step('post-rule-set-draft-case-confirmation', at, { all: true })).status).toBe(200);
  expect((await step('post-rule-set-draft-submission', at, {})).body).toMatchObject({ status: 'submitted' });
  const approved = await step('post-rule-set-draft-approval', at, {}, approver);
  expect(approved.body).toMatchObject({ status: 'approved' });
  const reviewed = await step('get-rule-set-draft', at, null);
  const reportKey = (reviewed.body.steps as { reportRef?: { key: string } }[]).findLast((s) => s.reportRef)!.reportRef!.key;
  expect((await step('get-rule-set-draft-report', { ...at, reportKey }, null)).status).toBe(200);
  const second = await step('post-rule-set-draft', { ruleSetId: 'household-exit' }, {});
  const secondAt = { ruleSetId: 'household-exit', draftId: second.body.draftId as string };
  expect((await step('post-rule-set-draft-submission', secondAt, {})).status).toBe(200);
  expect((await step('post-rule-set-draft-rejection', secondAt, { note: 'no change in it' }, approver)).body).toMatchObject({ status: 'rejected' });
  const third = await step('post-rule-set-draft', { ruleSetId: 'household-exit' }, {});
  expect((await step('post-rule-set-draft-withdrawal', { ruleSetId: 'household-exit', draftId: third.body.draftId as string }, {})).body).toMatchObject({ status: 'withdrawn' });
  expect((await step('get-rule-set-history', { ruleSetId: 'household-exit' }, null)).status).toBe(200);
}, 240_000);

describe('what the functions send to DynamoDB', () => {
  it('was recorded for every function', () => {
    expect([...FUNCTIONS].sort()).toEqual(Object.keys(FUNCTION_ACCESS).sort());
    expect(new Set(sent.map((r) => r.fn))).toEqual(new Set(Object.keys(FUNCTION_ACCESS)));
    expect(sent.filter((r) => r.fn === '(none)')).toEqual([]);
    expect(new Set(sent.map((r) => r.action))).toEqual(new Set(['GetItem', 'Query', 'BatchGetItem', 'PutItem', 'BatchWriteItem', 'UpdateItem']));
  });

  it('is allowed, action by action and key by key, by the conditions of its role', () => {
    const refused = sent.filter((request) => !allowed(request)).map((r) => `${r.fn} ${r.action}${r.index ? ' (gsi1)' : ''} ${r.keys.join(', ')}`);
    expect([...new Set(refused)]).toEqual([]);
  });

  it('never scans', () => {
    expect(sent.filter((r) => r.action === 'Scan')).toEqual([]);
  });

  it('is what the conditions would refuse from another function: the check can fail', () => {
    const publish = sent.find((r) => r.fn === 'post-rule-set-version' && r.action === 'PutItem' && r.keys[0]!.startsWith('RULE-SET#'))!;
    expect(allowed(publish)).toBe(true);
    expect(allowed({ ...publish, fn: 'post-evaluation' })).toBe(false);
    expect(allowed({ ...publish, fn: 'post-rule-set-validation' })).toBe(false);
  });
});
