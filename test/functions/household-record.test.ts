import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpHandler } from '../../functions/_shared/http-handler.js';
import { roleMayCall } from '../../functions/_shared/route-roles.js';
import { ROUTES } from '../../functions/_shared/routes.js';
import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import type { Household } from '../../src/records/records.js';
import { importDataset } from '../../src/use-cases/import/import-dataset.js';
import { useDynalite } from '../helpers/dynalite.js';
import { useLocalS3 } from '../helpers/local-sfn/use-local-s3.js';
import { configureFunctions } from './function-env.js';
import { bodyOf, lambdaContext } from './lambda-events.js';

const EXAMPLE = fileURLToPath(new URL('../fixtures/example', import.meta.url));
const dynamo = useDynalite();
const bucket = useLocalS3();
let handler: HttpHandler;
let stored: Household;

beforeAll(async () => {
  const dataset = await readDatasetFolder(EXAMPLE);
  await importDataset(dynamo.stores(), dataset);
  stored = (await dynamo.stores().records.getHousehold(dataset.households[3]!.householdId))!;
  configureFunctions(dynamo.endpoint, dynamo.tableName, bucket);
  const clients = await (await import('../../functions/_shared/clients.js')).environmentClients();
  handler = (await import('../../functions/get-household.js')).makeHandler(clients) as HttpHandler;
});

async function call(householdId: string) {
  const template = JSON.parse(readFileSync(new URL('./events/get-verdicts.json', import.meta.url), 'utf8')) as APIGatewayProxyEvent;
  const resource = ROUTES['get-household'].path;
  const event: APIGatewayProxyEvent = { ...template, resource, path: `/households/${encodeURIComponent(householdId)}`, pathParameters: { householdId }, queryStringParameters: null, body: null };
  const response = await handler(event, lambdaContext('get-household'));
  return { status: response.statusCode, body: bodyOf(response) };
}

describe('GET /households/{householdId}', () => {
  it('gives policy staff the household record as stored, whole', async () => {
    const { status, body } = await call(stored.householdId);
    expect(status).toBe(200);
    ROUTES['get-household'].response.parse(body);
    expect(body).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(body.members).toEqual(JSON.parse(JSON.stringify(stored.members)));
  });

  it('answers 404 for a household the store does not hold', async () => {
    const { status, body } = await call('NO-SUCH-H1');
    expect(status).toBe(404);
    expect(JSON.stringify(body)).toContain('NO-SUCH-H1');
  });

  it('is reached by policy staff and approvers, never by a viewer or an evaluation caller', () => {
    expect(roleMayCall('policy-staff', 'get-household')).toBe(true);
    expect(roleMayCall('approver', 'get-household')).toBe(true);
    expect(roleMayCall('viewer', 'get-household')).toBe(false);
    expect(roleMayCall('evaluation-caller', 'get-household')).toBe(false);
  });
});
