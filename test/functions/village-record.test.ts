import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpHandler } from '../../functions/_shared/http-handler.js';
import { roleMayCall } from '../../functions/_shared/route-roles.js';
import { ROUTES } from '../../functions/_shared/routes.js';
import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import type { Dataset } from '../../src/records/dataset.js';
import { importDataset } from '../../src/use-cases/import/import-dataset.js';
import { useDynalite } from '../helpers/dynalite.js';
import { useLocalS3 } from '../helpers/local-sfn/use-local-s3.js';
import { configureFunctions } from './function-env.js';
import { bodyOf, lambdaContext } from './lambda-events.js';

const EXAMPLE = fileURLToPath(new URL('../fixtures/example', import.meta.url));
const dynamo = useDynalite();
const bucket = useLocalS3();
let handler: HttpHandler;
let dataset: Dataset;

beforeAll(async () => {
  dataset = await readDatasetFolder(EXAMPLE);
  await importDataset(dynamo.stores(), dataset);
  configureFunctions(dynamo.endpoint, dynamo.tableName, bucket);
  const clients = await (await import('../../functions/_shared/clients.js')).environmentClients();
  handler = (await import('../../functions/get-village.js')).makeHandler(clients) as HttpHandler;
});

async function call(villageId: string) {
  const template = JSON.parse(readFileSync(new URL('./events/get-verdicts.json', import.meta.url), 'utf8')) as APIGatewayProxyEvent;
  const resource = ROUTES['get-village'].path;
  const event: APIGatewayProxyEvent = { ...template, resource, path: `/villages/${encodeURIComponent(villageId)}`, pathParameters: { villageId }, queryStringParameters: null, body: null };
  const response = await handler(event, lambdaContext('get-village'));
  return { status: response.statusCode, body: bodyOf(response) };
}

describe('GET /villages/{villageId}', () => {
  it("gives policy staff the village record, its county's region and its households as stored, whole", async () => {
    const village = dataset.villages.find((candidate) => dataset.households.some((household) => household.villageId === candidate.villageId))!;
    const stores = dynamo.stores();
    const households = await stores.records.listHouseholds(village.villageId);
    const county = (await stores.records.getCounty(village.countyId))!;
    expect(households.length).toBeGreaterThan(0);
    const { status, body } = await call(village.villageId);
    expect(status).toBe(200);
    ROUTES['get-village'].response.parse(body);
    expect(body).toEqual(JSON.parse(JSON.stringify({ village: await stores.records.getVillage(village.villageId), region: county.region, households })));
    expect((body.households as { villageId: string }[]).every((household) => household.villageId === village.villageId)).toBe(true);
  });

  it('answers 404 for a village the store does not hold', async () => {
    const { status, body } = await call('NO-SUCH-V1');
    expect(status).toBe(404);
    expect(JSON.stringify(body)).toContain('NO-SUCH-V1');
  });

  it('is reached by policy staff and approvers, never by a viewer or an evaluation caller', () => {
    expect(roleMayCall('policy-staff', 'get-village')).toBe(true);
    expect(roleMayCall('approver', 'get-village')).toBe(true);
    expect(roleMayCall('viewer', 'get-village')).toBe(false);
    expect(roleMayCall('evaluation-caller', 'get-village')).toBe(false);
  });
});
