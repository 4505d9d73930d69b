import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpHandler } from '../../functions/_shared/http-handler.js';
import { ROUTES, type RouteName } from '../../functions/_shared/routes.js';
import { importApiHandlers } from '../../src/cli/serve/api-handlers.js';
import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import type { RunExport } from '../../src/use-cases/export-run.js';
import { importDataset } from '../../src/use-cases/import/import-dataset.js';
import { seedRuleSets } from '../../src/use-cases/seed-rule-sets.js';
import { runNightly } from '../../src/use-cases/nightly/run-nightly.js';
import { StoreRuleSetSource } from '../../src/adapters/rule-sets/store-rule-set-source.js';
import { createScoringContext } from '../../src/use-cases/scoring-context.js';
import { useDynalite } from '../helpers/dynalite.js';
import { repositoryRuleSets } from '../helpers/repository-rule-sets.js';
import { scoreFolderInMemory } from '../helpers/score-in-memory.js';
import { configureFunctions } from './function-env.js';
import { useLocalS3 } from '../helpers/local-sfn/use-local-s3.js';
import { finishRun } from '../../src/use-cases/nightly/finish-run.js';
import { emptyTotals, finishedRecord } from '../../src/use-cases/nightly/run-record.js';
import { FAILURES_KEPT } from '../../src/use-cases/nightly/run-failures.js';
import { bodyOf, lambdaContext } from './lambda-events.js';

const EXAMPLE = fileURLToPath(new URL('../fixtures/example', import.meta.url));
const QUARTER = '2018Q4';
const dynamo = useDynalite();
const bucket = useLocalS3();
let output: RunExport;
let villageCounty: Map<string, string>;
let handlers: Record<RouteName, HttpHandler>;
let named: { householdId: string; headName: string };

beforeAll(async () => {
  const stores = dynamo.stores();
  const dataset = await readDatasetFolder(EXAMPLE);
  villageCounty = new Map(dataset.villages.map((v) => [v.villageId, v.countyId]));
  // The example has no names; one household is given one (never used in a judgement), one an empty one.
  named = { householdId: dataset.households[0]!.householdId, headName: '扎西' };
  dataset.households[0] = { ...dataset.households[0]!, headName: named.headName };
  dataset.households[1] = { ...dataset.households[1]!, headName: '' };
  await importDataset(stores, dataset);
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  const context = createScoringContext(await new StoreRuleSetSource(stores.ruleSets).inForce('2018Q4'), QUARTER, EVALUATORS.compiled);
  await runNightly(stores, context, { runId: 'read-test', now: () => new Date('2026-01-01T00:00:00Z') });
  output = (await scoreFolderInMemory(EXAMPLE, QUARTER, EVALUATORS.compiled)).output;
  configureFunctions(dynamo.endpoint, dynamo.tableName, bucket);
  handlers = await importApiHandlers(await (await import('../../functions/_shared/clients.js')).environmentClients());
});

/** Calls a read route as API Gateway would, and checks a 200 body against the route's documented schema. */
async function call(name: RouteName, pathParameters: Record<string, string> | null, query: Record<string, string> | null = null) {
  const template = JSON.parse(readFileSync(new URL('./events/get-verdicts.json', import.meta.url), 'utf8')) as APIGatewayProxyEvent;
  const resource = ROUTES[name].path;
  const event: APIGatewayProxyEvent = {
    ...template,
    resource,
    path: resource.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(pathParameters?.[key] ?? '')),
    pathParameters,
    queryStringParameters: query,
    body: null,
  };
  const response = await handlers[name](event, lambdaContext(name));
  const body = bodyOf(response);
  if (response.statusCode === 200) ROUTES[name].response.parse(body);
  return { status: response.statusCode, body };
}

const countyId = () => output.verdicts.find((v) => v.ruleSetId === 'county-exit')!.subjectId;
const unitsOfCounty = () => new Set(output.scores.filter((s) => s.countyId === countyId()).map((s) => `${s.unitType}#${s.unitId}`));

describe('the read routes of the console', () => {
  it("GET /counties/{countyId}/quarters/{quarter} lists the run's failing villages first, with the items that fail", async () => {
    const { status, body } = await call('get-county-overview', { countyId: countyId(), quarter: QUARTER });
    expect(status).toBe(200);
    const failing = output.verdicts.filter((v) => v.ruleSetId === 'village-exit' && v.outcome === 'fail' && villageCounty.get(v.subjectId) === countyId()).map((v) => v.subjectId);
    expect(failing.length).toBeGreaterThan(0);
    const shown = body.villages as { villageId: string; outcome: string; failingItems: { id: string; outcome: string }[] }[];
    expect(shown.slice(0, failing.length).map((v) => v.villageId).sort()).toEqual([...failing].sort());
    expect(shown.slice(failing.length).every((v) => v.outcome !== 'fail')).toBe(true);
    const first = output.verdicts.find((v) => v.ruleSetId === 'village-exit' && v.subjectId === shown[0]!.villageId)!;
    expect(shown[0]!.failingItems.map((i) => i.id)).toEqual(first.items.filter((i) => i.outcome !== 'pass').map((i) => i.id));
    expect(body.countyVerdict.outcome).toBe(output.verdicts.find((v) => v.ruleSetId === 'county-exit')!.outcome);
    const households = body.outcomes.find((o: { ruleSetId: string }) => o.ruleSetId === 'household-exit');
    const expected: Record<string, number> = {};
    for (const v of output.verdicts) {
      if (v.ruleSetId === 'household-exit' && villageCounty.get(v.subjectId.replace(/-H\d+$/, '')) === countyId()) expected[v.outcome] = (expected[v.outcome] ?? 0) + 1;
    }
    expect(households.counts).toEqual(expected);
    // The deprivation heatmap: per village, how many judged households fail each household item.
    const village = shown.find((v) => v.outcome === 'fail')! as unknown as { villageId: string; householdItems: { judged: number; failing: Record<string, number> } };
    const ofVillage = output.verdicts.filter((v) => v.ruleSetId === 'household-exit' && v.subjectId.startsWith(`${village.villageId}-`));
    expect(village.householdItems.judged).toBe(ofVillage.length);
    for (const item of body.householdItemLabels as { id: string }[]) {
      expect(village.householdItems.failing[item.id] ?? 0, item.id).toBe(ofVillage.filter((v) => v.items.some((i) => i.id === item.id && i.outcome === 'fail')).length);
    }
    expect((body.householdItemLabels as { id: string }[]).map((i) => i.id)).toContain('income');
  });

  it('GET /villages/{villageId}/households gives every household with the verdicts the pipeline gives it', async () => {
    const villageId = output.verdicts.find((v) => v.ruleSetId === 'village-exit')!.subjectId;
    const { status, body } = await call('get-village-households', { villageId }, { year: '2018' });
    expect(status).toBe(200);
    const expected = output.verdicts.filter((v) => v.subjectType === 'household' && body.households.some((h: { householdId: string }) => h.householdId === v.subjectId));
    const shown = body.households.flatMap((h: { verdicts: unknown[] }) => h.verdicts);
    expect(shown).toHaveLength(expected.length);
    expect(shown).toEqual(expect.arrayContaining(expected));
    expect(body.households.every((h: { headName: unknown }) => h.headName === null)).toBe(!body.households.some((h: { householdId: string }) => h.householdId === named.householdId));
    expect((await call('get-village-households', { villageId }, { year: 'last' })).body.error).toMatchObject({ code: 'REQUEST_INVALID', issues: [{ in: 'query', path: 'year' }] });
    expect((await call('get-village-households', { villageId: 'nowhere' }, { year: '2018' })).status).toBe(404);
  });

  it("GET /villages/{villageId}/households names each household's head where the record has a name, and null elsewhere", async () => {
    const { householdId, headName } = named;
    const villageId = (await dynamo.stores().records.getHousehold(householdId))!.villageId;
    const { status, body } = await call('get-village-households', { villageId }, { year: '2018' });
    expect(status).toBe(200);
    const heads = new Map((body.households as { householdId: string; headName: string | null }[]).map((h) => [h.householdId, h.headName]));
    expect(heads.get(householdId)).toBe(headName);
    expect([...heads].filter(([id]) => id !== householdId).every(([, name]) => name === null)).toBe(true);
    // Only the id, the name and the status of a record: no members, income or other fields.
    expect(Object.keys(body.households[0]).sort()).toEqual(['headName', 'householdId', 'status', 'verdicts']);
  });

  it('GET …/accountability ranks the scores and gives the same lists as the run', async () => {
    const { status, body } = await call('get-county-accountability', { countyId: countyId(), quarter: QUARTER });
    expect(status).toBe(200);
    const lists = output.lists.filter((row) => unitsOfCounty().has(`${row.unitType}#${row.unitId}`));
    expect(lists.length).toBeGreaterThan(0);
    expect(body.lists).toEqual(lists);
    const scores = body.scores as { rank: number; score: number; unitId: string; card: string | null; unitName: string | null }[];
    expect(scores.map((s) => s.rank)).toEqual(scores.map((_, i) => i + 1));
    expect(scores.map((s) => s.score)).toEqual([...scores.map((s) => s.score)].sort((a, b) => b - a));
    expect(scores.map((s) => `${s.unitId}:${s.card}`).sort()).toEqual(output.scores.filter((s) => s.countyId === countyId()).map((s) => `${s.unitId}:${s.card}`).sort());
    expect(scores.every((s) => s.unitName !== null)).toBe(true);
    expect((await call('get-county-accountability', { countyId: countyId(), quarter: '2017Q1' })).body.error.code).toBe('ACCOUNTABILITY_NOT_FOUND');
  });

  it('GET /units/{unitType}/{unitId}/cards gives the card history with the quarter just scored, oldest first', async () => {
    const row = output.scores[0]!;
    const { body } = await call('get-unit-cards', { unitType: row.unitType, unitId: row.unitId });
    const quarters = body.cards.map((c: { quarter: string }) => c.quarter);
    expect(quarters).toEqual([...quarters].sort());
    expect(body.cards.at(-1)).toEqual({ unitType: row.unitType, unitId: row.unitId, quarter: QUARTER, card: row.card });
  });

  it('GET /runs and /runs/{runId} give the stored run record; an unknown run is 404', async () => {
    const runs = await call('get-runs', null, { quarter: QUARTER });
    expect(runs.body.runs.map((r: { runId: string }) => r.runId)).toEqual(['read-test']);
    expect((await call('get-run', { runId: 'read-test' })).body.status).toBe('succeeded');
    expect((await call('get-run', { runId: 'never' })).body.error.code).toBe('RUN_NOT_FOUND');
    expect((await call('get-runs', null, null)).status).toBe(400);
  });

  it('GET /runs and /runs/{runId} give the whole list of failed villages of a record that keeps it in the bucket', async () => {
    // 5,000 failed villages: about 300 KB of list, more than a run item should carry.
    const totals = emptyTotals();
    for (let i = 0; i < 5_000; i += 1) totals.failedVillages.push({ villageId: `V-${String(i).padStart(5, '0')}`, error: 'ProvisionedThroughputExceededException: the request rate is too high for this village' });
    const run = { runId: 'throttled-night', quarter: '2019Q1', startedAt: '2019-01-01T18:00:00.000Z', ruleSetVersions: { 'household-exit': 1 } };
    const finished = await finishRun(dynamo.stores(), run, { totals, countyIds: [] }, new Date('2019-01-01T19:00:00.000Z'), { failures: bucket.objects });
    const stored = await dynamo.stores().runs.getRun('throttled-night');
    expect(stored!.failedVillages).toHaveLength(FAILURES_KEPT);
    expect(stored!.failedVillagesSpilled).toEqual({ key: 'nightly/failures/throttled-night.json', count: 5_000 });
    const one = (await call('get-run', { runId: 'throttled-night' })).body;
    expect(one).toEqual(JSON.parse(JSON.stringify(finished)));
    expect(one.failedVillages).toHaveLength(5_000);
    expect((await call('get-runs', null, { quarter: '2019Q1' })).body.runs).toEqual([one]);
  });

  it('GET /runs and /runs/{runId} give a run that completed with rejected rows', async () => {
    const run = { runId: 'night-with-rejections', quarter: '2019Q3', startedAt: '2019-07-01T18:00:00.000Z', ruleSetVersions: { 'household-exit': 1 } };
    await dynamo.stores().runs.putRun(finishedRecord(run, emptyTotals(), { finishedAt: new Date('2019-07-01T19:00:00.000Z'), rejectedRows: 3, stageSeconds: { total: 3600 } }));
    const one = await call('get-run', { runId: 'night-with-rejections' });
    expect(one.status).toBe(200);
    expect(one.body.status).toBe('succeeded-with-rejected-rows');
    expect((await call('get-runs', null, { quarter: '2019Q3' })).body.runs).toEqual([one.body]);
  });

  it('GET /counties names every county from its record', async () => {
    const { body } = await call('get-counties', null);
    expect(body.counties.map((c: { countyId: string }) => c.countyId)).toContain(countyId());
    expect(body.counties.every((c: { name: string | null }) => typeof c.name === 'string')).toBe(true);
  });
});

describe('the trends and report routes of the console', () => {
  it('GET …/trends gives the quarter that has a run with the outcomes and deprivation measures of the overview', async () => {
    const { status, body } = await call('get-county-trends', { countyId: countyId(), quarter: '2019Q2' });
    expect(status).toBe(200);
    // 2019Q1 and Q2 have no run: only the run's quarter is in the window.
    expect(body.quarters.map((q: { quarter: string }) => q.quarter)).toEqual([QUARTER]);
    const [quarter] = body.quarters;
    const overview = (await call('get-county-overview', { countyId: countyId(), quarter: QUARTER })).body;
    expect(quarter.villages).toEqual({ counted: overview.villages.length, withoutSums: 0 });
    const byStandard = (outcomes: { ruleSetId: string; counts: Record<string, number> }[]) => Object.fromEntries(outcomes.map((o) => [o.ruleSetId, o.counts]));
    // The county's own verdict is not a village tally's: every other standard counts as on the overview.
    const { 'county-exit': _, ...villageLevel } = byStandard(overview.outcomes);
    expect(byStandard(quarter.outcomes)).toEqual(villageLevel);
    expect(quarter.deprivation.adjustedHeadcount).toBe(overview.deprivation.county.adjustedHeadcount);
    expect(quarter.latestRun).toMatchObject({ runId: 'read-test', status: expect.stringMatching(/^succeeded/) });
    expect((await call('get-county-trends', { countyId: 'nowhere', quarter: QUARTER })).status).toBe(404);
  });

  it("GET …/report.xlsx is the county's workbook under a Chinese file name, its village sheet listing the failing villages", async () => {
    const template = JSON.parse(readFileSync(new URL('./events/get-verdicts.json', import.meta.url), 'utf8')) as APIGatewayProxyEvent;
    const pathParameters = { countyId: countyId(), quarter: QUARTER };
    const path = ROUTES['get-county-report'].path.replace('{countyId}', countyId()).replace('{quarter}', QUARTER);
    const response = await handlers['get-county-report']({ ...template, resource: ROUTES['get-county-report'].path, path, pathParameters, queryStringParameters: null, body: null }, lambdaContext('get-county-report'));
    expect(response.statusCode).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(response.headers?.['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(response.headers?.['content-disposition']);
    const countyName = (await dynamo.stores().records.getCounty(countyId()))!.name!;
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(`${countyName}${QUARTER}评估报告.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(response.body, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('贫困村')!;
    const rows: { villageId: string; outcome: string }[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1) rows.push({ villageId: String(row.getCell(3).value), outcome: String(row.getCell(5).value) });
    });
    const villageVerdicts = output.verdicts.filter((v) => v.ruleSetId === 'village-exit' && villageCounty.get(v.subjectId) === countyId());
    expect(rows.map((r) => r.villageId).sort()).toEqual(villageVerdicts.map((v) => v.subjectId).sort());
    const failLabel = villageVerdicts.find((v) => v.outcome === 'fail')!.outcomeLabel.zh;
    expect(rows.filter((r) => r.outcome === failLabel).map((r) => r.villageId).sort()).toEqual(villageVerdicts.filter((v) => v.outcome === 'fail').map((v) => v.subjectId).sort());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['贫困村', '未达标户', '贫困识别', '防返贫监测', '考核得分', '红旗黄牌', '问责名单', '问责涉及户']);
  });
});
