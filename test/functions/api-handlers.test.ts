import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpHandler } from '../../functions/_shared/http-handler.js';
import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import type { Verdict } from '../../src/engine/verdict.js';
import type { Household } from '../../src/records/records.js';
import { importDataset } from '../../src/use-cases/import/import-dataset.js';
import { seedRuleSets } from '../../src/use-cases/seed-rule-sets.js';
import { runNightly } from '../../src/use-cases/nightly/run-nightly.js';
import { StoreRuleSetSource } from '../../src/adapters/rule-sets/store-rule-set-source.js';
import { createScoringContext } from '../../src/use-cases/scoring-context.js';
import { useDynalite } from '../helpers/dynalite.js';
import { repositoryRuleSets } from '../helpers/repository-rule-sets.js';
import { scoreFolderInMemory } from '../helpers/score-in-memory.js';
import { configureFunctions } from './function-env.js';
import { apiEvent, bodyOf, lambdaContext } from './lambda-events.js';

const EXAMPLE = fileURLToPath(new URL('../fixtures/example', import.meta.url));
const QUARTER = '2018Q4';
const dynamo = useDynalite();

let postEvaluation: HttpHandler;
let postReEvaluation: HttpHandler;
let getVerdicts: HttpHandler;
let households: Household[];
/** What the in-memory pipeline gives the same dataset: `ruleSetId:subjectId` → verdict. */
let pipeline: Map<string, Verdict>;

beforeAll(async () => {
  // The store as production has it after a nightly run of the quarter.
  const stores = dynamo.stores();
  const dataset = await readDatasetFolder(EXAMPLE);
  households = dataset.households;
  await importDataset(stores, dataset);
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  const context = createScoringContext(await new StoreRuleSetSource(stores.ruleSets).inForce('2018Q4'), QUARTER, EVALUATORS.compiled);
  await runNightly(stores, context, { runId: 'api-test', now: () => new Date('2026-01-01T00:00:00Z') });

  const inMemory = await scoreFolderInMemory(EXAMPLE, QUARTER, EVALUATORS.compiled);
  pipeline = new Map(inMemory.output.verdicts.map((v) => [`${v.ruleSetId}:${v.subjectId}`, v]));

  configureFunctions(dynamo.endpoint, dynamo.tableName);
  postEvaluation = (await import('../../functions/post-evaluation.js')).handler;
  postReEvaluation = (await import('../../functions/post-village-re-evaluation.js')).handler;
  getVerdicts = (await import('../../functions/get-verdicts.js')).handler;
});

const evaluate = (body: unknown) => postEvaluation(apiEvent('post-evaluation', { body }), lambdaContext('post-evaluation'));
const verdictsOf = (subjectType: string, subjectId: string) =>
  getVerdicts(apiEvent('get-verdicts', { pathParameters: { subjectType, subjectId } }), lambdaContext('get-verdicts'));
const household = (id: string) => households.find((h) => h.householdId === id)!;

describe('POST /evaluations with an inline household', () => {
  it('returns the same verdict, explanation included, that the nightly pipeline gives the household', async () => {
    const judged = [...pipeline.values()].filter((v) => v.subjectType === 'household').slice(0, 12);
    expect(new Set(judged.map((v) => v.ruleSetId)).size).toBeGreaterThan(1);
    for (const expected of judged) {
      const response = await evaluate({ ruleSetId: expected.ruleSetId, year: 2018, record: household(expected.subjectId) });
      expect(response.statusCode).toBe(200);
      expect(bodyOf(response).verdict).toEqual(expected);
    }
  });

  it('refuses a malformed record with 400 naming the exact field path', async () => {
    const record = { ...household('C-W-T2-V0-H1'), members: [{ memberId: 'm0', age: -3 }] };
    const response = await evaluate({ ruleSetId: 'household-exit', year: 2018, record });
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error).toMatchObject({ code: 'REQUEST_INVALID', issues: [expect.objectContaining({ in: 'body', path: 'record.members.0.age' })] });
  });

  it('refuses a body that is not JSON, and a body with both a record and a subject id', async () => {
    const notJson = await postEvaluation(apiEvent('post-evaluation', { rawBody: '{"ruleSetId":' }), lambdaContext());
    expect(notJson.statusCode).toBe(400);
    const both = await evaluate({ ruleSetId: 'household-exit', year: 2018, record: household('C-W-T2-V0-H1'), subjectId: 'C-W-T2-V0-H1' });
    expect(bodyOf(both).error.issues).toEqual([{ in: 'body', path: '', message: 'give exactly one of record and subjectId' }]);
  });

  it('names an unknown field by its path', async () => {
    const response = await evaluate({ ruleSetId: 'household-exit', year: 2018, record: household('C-W-T2-V0-H1'), verbose: true });
    expect(bodyOf(response).error.issues).toEqual([{ in: 'body', path: 'verbose', message: 'unknown field' }]);
  });

  it('refuses village and county standards for an inline record with a clear 400', async () => {
    const response = await evaluate({ ruleSetId: 'village-exit', year: 2018, record: household('C-W-T2-V0-H1') });
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error.code).toBe('INLINE_SUBJECT_UNSUPPORTED');
  });

  it('answers 404 for a rule set that does not exist, and 400 for a year its tables do not cover', async () => {
    expect(bodyOf(await evaluate({ ruleSetId: 'no-such-standard', year: 2018, record: household('C-W-T2-V0-H1') })).error.code).toBe('RULE_SET_NOT_FOUND');
    const year = await evaluate({ ruleSetId: 'household-exit', year: 2031, record: household('C-W-T2-V0-H1') });
    expect(year.statusCode).toBe(400);
    expect(bodyOf(year).error.code).toBe('RULE_SET_YEAR_MISSING');
  });
});

describe('POST /evaluations with a stored subject', () => {
  it('judges a stored household as the pipeline does and stores its verdict', async () => {
    const response = await evaluate({ ruleSetId: 'household-exit', year: 2018, subjectId: 'C-W-T2-V0-H1' });
    expect(bodyOf(response).verdict).toEqual(pipeline.get('household-exit:C-W-T2-V0-H1'));
    const stored = bodyOf(await verdictsOf('household', 'C-W-T2-V0-H1')).verdicts as Verdict[];
    expect(stored.find((v) => v.ruleSetId === 'household-exit')).toEqual(pipeline.get('household-exit:C-W-T2-V0-H1'));
  });

  it('judges a stored village and a stored county', async () => {
    expect(bodyOf(await evaluate({ ruleSetId: 'village-exit', year: 2018, subjectId: 'C-W-T2-V0' })).verdict).toEqual(pipeline.get('village-exit:C-W-T2-V0'));
    expect(bodyOf(await evaluate({ ruleSetId: 'county-exit', year: 2018, subjectId: 'C-W' })).verdict).toEqual(pipeline.get('county-exit:C-W'));
  });

  it('answers 404 for a subject that is not stored', async () => {
    for (const ruleSetId of ['household-exit', 'village-exit', 'county-exit']) {
      const response = await evaluate({ ruleSetId, year: 2018, subjectId: 'NOT-THERE' });
      expect(response.statusCode, ruleSetId).toBe(404);
    }
  });
});

describe('POST /villages/{villageId}/re-evaluations', () => {
  const reEvaluate = (villageId: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    postReEvaluation(apiEvent('post-village-re-evaluation', { pathParameters: { villageId }, body, headers }), lambdaContext('post-village-re-evaluation'));

  it('re-scores the village and its county, and GET /verdicts then returns the new verdicts', async () => {
    const response = await reEvaluate('C-C-T2-V1', { year: 2018 });
    expect(response.statusCode).toBe(200);
    const result = bodyOf(response);
    expect(result).toMatchObject({ villageId: 'C-C-T2-V1', countyId: 'C-C', quarter: QUARTER });
    expect(result.village).toEqual(pipeline.get('village-exit:C-C-T2-V1'));
    expect(result.county).toEqual(pipeline.get('county-exit:C-C'));
    const village = bodyOf(await verdictsOf('village', 'C-C-T2-V1'));
    expect(village).toEqual({ subjectType: 'village', subjectId: 'C-C-T2-V1', verdicts: [result.village] });
    expect(bodyOf(await verdictsOf('county', 'C-C')).verdicts).toEqual([result.county]);
  });

  it('lists every judged household of the village by outcome', async () => {
    const result = bodyOf(await reEvaluate('C-C-T2-V1', { year: 2018 }));
    const expected = [...pipeline.values()].filter((v) => v.subjectType === 'household' && household(v.subjectId).villageId === 'C-C-T2-V1');
    const listed = Object.entries(result.households.outcomes as Record<string, Record<string, string[]>>).flatMap(([ruleSetId, byOutcome]) =>
      Object.entries(byOutcome).flatMap(([outcome, ids]) => ids.map((id) => `${ruleSetId}:${id}:${outcome}`)),
    );
    expect(listed.sort()).toEqual(expected.map((v) => `${v.ruleSetId}:${v.subjectId}:${v.outcome}`).sort());
  });

  it('replays the first response to a retry with the same Idempotency-Key instead of scoring again', async () => {
    const key = { 'Idempotency-Key': 'retry-test-1' };
    const first = await reEvaluate('C-W-T2-V2', { year: 2018 }, key);
    const again = await reEvaluate('C-W-T2-V2', { year: 2018 }, key);
    expect(again).toEqual(first);
    const reused = await reEvaluate('C-W-T2-V2', { year: 2017 }, key);
    expect(reused.statusCode).toBe(409);
    expect(bodyOf(reused).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 404 for a village that is not stored', async () => {
    const response = await reEvaluate('NOT-THERE');
    expect(response.statusCode).toBe(404);
    expect(bodyOf(response).error.code).toBe('VILLAGE_NOT_FOUND');
  });
});

describe('GET /verdicts/{subjectType}/{subjectId}', () => {
  it('returns every stored verdict of a household, by standard', async () => {
    const body = bodyOf(await verdictsOf('household', 'C-W-T2-V0-H0'));
    expect(body.verdicts.map((v: Verdict) => v.ruleSetId)).toEqual(
      [...pipeline.values()].filter((v) => v.subjectId === 'C-W-T2-V0-H0').map((v) => v.ruleSetId).sort(),
    );
  });

  it('answers 404 when nothing is stored, and 400 for an unknown subject type', async () => {
    expect((await verdictsOf('household', 'NOT-THERE')).statusCode).toBe(404);
    const response = await verdictsOf('township', 'T-1');
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).error.issues).toEqual([expect.objectContaining({ in: 'path', path: 'subjectType' })]);
  });
});

describe('an id far longer than any the data contract gives', () => {
  const long = 'V'.repeat(10_000);

  it('answers 400 or 404, never 500, in a path and in a body', async () => {
    const answers = [
      await postReEvaluation(apiEvent('post-village-re-evaluation', { body: {}, pathParameters: { villageId: long } }), lambdaContext('post-village-re-evaluation')),
      await verdictsOf('village', long),
      await evaluate({ ruleSetId: 'village-exit', year: 2018, subjectId: long }),
      await evaluate({ ruleSetId: 'household-exit', year: 2018, subjectId: long }),
    ];
    for (const response of answers) {
      expect([400, 404]).toContain(response.statusCode);
      expect(bodyOf(response).error.code).not.toBe('INTERNAL');
    }
  });
});
