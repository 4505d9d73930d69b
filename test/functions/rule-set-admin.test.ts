import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpHandler } from '../../functions/_shared/http-handler.js';
import { ROUTES } from '../../functions/_shared/routes.js';
import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import { importDataset } from '../../src/use-cases/import/import-dataset.js';
import { seedRuleSets } from '../../src/use-cases/seed-rule-sets.js';
import { runNightly } from '../../src/use-cases/nightly/run-nightly.js';
import { StoreRuleSetSource } from '../../src/adapters/rule-sets/store-rule-set-source.js';
import { createScoringContext } from '../../src/use-cases/scoring-context.js';
import { useDynalite } from '../helpers/dynalite.js';
import { repositoryRuleSets } from '../helpers/repository-rule-sets.js';
import { configureFunctions } from './function-env.js';
import { apiEvent, bodyOf, lambdaContext } from './lambda-events.js';

const EXAMPLE = fileURLToPath(new URL('../fixtures/example', import.meta.url));
const DRAFTS = new URL('../fixtures/drafts/', import.meta.url);
const draft = (name: string) => JSON.parse(readFileSync(new URL(name, DRAFTS), 'utf8')) as Record<string, unknown>;
const dynamo = useDynalite();

const handlers: Record<string, HttpHandler> = {};
const call = (name: 'get-rule-sets' | 'get-rule-set-versions' | 'post-rule-set-validation' | 'post-rule-set-version' | 'post-rule-set-rollback' | 'get-rule-set-history', body?: unknown) =>
  handlers[name]!(
    apiEvent(name === 'get-rule-set-history' ? 'get-rule-set-versions' : name, { ...(body === undefined ? {} : { body }), ...(name.includes('rule-set-') ? { pathParameters: { ruleSetId: 'household-exit' } } : {}) }),
    lambdaContext(name),
  );

beforeAll(async () => {
  // A store after a nightly run of 2018Q3 on the worked example, as policy staff find it.
  const stores = dynamo.stores();
  await importDataset(stores, await readDatasetFolder(EXAMPLE));
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  const context = createScoringContext(await new StoreRuleSetSource(stores.ruleSets).inForce('2018Q3'), '2018Q3', EVALUATORS.compiled);
  await runNightly(stores, context, { runId: 'admin-test', now: () => new Date('2026-01-01T00:00:00Z') });
  configureFunctions(dynamo.endpoint, dynamo.tableName);
  // The one-step publication is what self-approval does: this deployment allows it (a small county).
  process.env.ALLOW_SELF_APPROVAL = 'true';
  handlers['get-rule-sets'] = (await import('../../functions/get-rule-sets.js')).handler;
  handlers['get-rule-set-versions'] = (await import('../../functions/get-rule-set-versions.js')).handler;
  handlers['post-rule-set-validation'] = (await import('../../functions/post-rule-set-validation.js')).handler;
  handlers['post-rule-set-version'] = (await import('../../functions/post-rule-set-version.js')).handler;
  handlers['post-rule-set-rollback'] = (await import('../../functions/post-rule-set-rollback.js')).handler;
  handlers['get-rule-set-history'] = (await import('../../functions/get-rule-set-history.js')).handler;
});

describe('the rule-set administration routes', () => {
  it('list every published standard with the version in force', async () => {
    const response = await call('get-rule-sets');
    expect(response.statusCode).toBe(200);
    const { ruleSets } = bodyOf(response) as { ruleSets: { id: string; inForce: number }[] };
    expect(ruleSets.map((r) => r.id)).toContain('household-exit');
    expect(ruleSets.find((r) => r.id === 'household-exit')!.inForce).toBe(1);
  });

  it('report a draft with an unknown fact without publishing it', async () => {
    const response = await call('post-rule-set-validation', { ruleSet: draft('unknown-fact.json') });
    expect(response.statusCode).toBe(200);
    const { report } = bodyOf(response) as { report: { ok: boolean; steps: { problems: { path?: string }[] }[] } };
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toContain('items.0.conditions.fact');
  });

  it('say each step and each catalogued problem of the report in zh and en for the console', async () => {
    // Without its cases, the raised line fails the cases step with a catalogued problem.
    const { report } = bodyOf(await call('post-rule-set-validation', { ruleSet: draft('household-exit-v2.json') })) as {
      report: { steps: { step: string; summary: string; summaryText: { zh: string; en: string }; problems: { message: string; text: { zh: string; en: string } }[] }[] };
    };
    const cases = report.steps.find((step) => step.step === 'cases')!;
    expect(cases.summaryText.en).toBe(cases.summary);
    expect(cases.summaryText.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(cases.problems[0]!.text.en).toBe(cases.problems[0]!.message);
    expect(cases.problems[0]!.text.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('list every household a draft flips when asked for more examples, each with its village and township', async () => {
    const body = { ruleSet: draft('household-exit-v2.json'), cases: draft('household-exit-v2.cases.json') };
    const changesOf = async (extra: object) => {
      const { report } = bodyOf(await call('post-rule-set-validation', { ...body, ...extra })) as {
        report: { preview: { counties: { households: { changed: number }; examples: { subjectType: string; villageId?: string; townshipId?: string }[] }[] } };
      };
      return report.preview.counties;
    };
    const counties = await changesOf({ examples: 100 });
    const changed = counties.reduce((sum, c) => sum + c.households.changed, 0);
    const households = counties.flatMap((c) => c.examples).filter((e) => e.subjectType === 'household');
    expect(changed).toBeGreaterThan(5);
    expect(households).toHaveLength(changed);
    for (const household of households) expect(household).toEqual(expect.objectContaining({ villageId: expect.any(String), townshipId: expect.any(String) }));
    // The documented response schema (the console's types come from it) holds every field the route sends: parsing drops none.
    const answer = bodyOf(await call('post-rule-set-validation', { ...body, examples: 100 }));
    const schema = ROUTES['post-rule-set-validation'].response;
    expect(schema.parse(answer)).toEqual(answer);
    expect(schema.safeParse({}).success).toBe(false);
    // Without the option, five per county, as before.
    expect((await changesOf({})).every((c) => c.examples.length <= 5)).toBe(true);
    expect((await call('post-rule-set-validation', { ...body, examples: 5000 })).statusCode).toBe(400);
  });

  it('refuse a malformed body with 400 naming the field', async () => {
    const response = await call('post-rule-set-version', { ruleSet: draft('household-exit-v2.json') });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(bodyOf(response))).toContain('note');
  });

  it('refuse a draft with `all` nested 1,000 deep with 400, naming the depth limit in en and zh', async () => {
    const deep = draft('household-exit-v2.json') as { items: { conditions: unknown }[] };
    let condition: unknown = { fact: 'incomePerCapita', operator: 'greaterThan', value: 1 };
    for (let level = 0; level < 1_000; level += 1) condition = { all: [condition] };
    deep.items[0]!.conditions = condition;
    const bodies = { 'post-rule-set-validation': { ruleSet: deep }, 'post-rule-set-version': { ruleSet: deep, note: 'deep' } };
    for (const [route, body] of Object.entries(bodies) as [keyof typeof bodies, unknown][]) {
      const response = await call(route, body);
      expect(response.statusCode).toBe(400);
      const { error } = bodyOf(response) as { error: { code: string; message: string } };
      expect(error.code).toBe('RULE_SET_LIMIT_EXCEEDED');
      expect(error.message).toContain('more than 24 levels deep');
      expect(error.message).toContain('上限为 24 层');
    }
  });

  it('refuse a draft over 100,000 bytes, and cases over 250,000 bytes, with 400 naming the size', async () => {
    const big = { ...draft('household-exit-v2.json'), changeNote: 'x'.repeat(500_000) };
    const response = await call('post-rule-set-version', { ruleSet: big, cases: draft('household-exit-v2.cases.json'), note: 'big' });
    expect(response.statusCode).toBe(400);
    expect((bodyOf(response) as { error: { message: string } }).error.message).toContain('at most 100,000 bytes are accepted');
    const cases = { ...draft('household-exit-v2.cases.json'), padding: '案'.repeat(100_000) };
    const rollback = await call('post-rule-set-rollback', { to: 1, cases, note: 'big cases' });
    expect(rollback.statusCode).toBe(400);
    expect((bodyOf(rollback) as { error: { message: string } }).error.message).toContain('上限为 250000 字节');
  });

  it('refuse an author claimed in the body: the author is the caller that signed the request', async () => {
    const publish = await call('post-rule-set-version', { ruleSet: draft('household-exit-v2.json'), author: '王芳', note: 'n' });
    expect(publish.statusCode).toBe(400);
    expect(bodyOf(publish).error.issues).toContainEqual({ in: 'body', path: 'author', message: 'unknown field' });
    const rollback = await call('post-rule-set-rollback', { to: 1, author: '王芳', note: 'n' });
    expect(rollback.statusCode).toBe(400);
  });

  it('refuse a publication whose event names no caller with 403 AUTHOR_UNKNOWN, publishing nothing', async () => {
    const event = apiEvent('post-rule-set-version', { body: { ruleSet: draft('household-exit-v2.json'), note: 'n', acceptImpact: true }, pathParameters: { ruleSetId: 'household-exit' } });
    event.requestContext.identity = { ...event.requestContext.identity, caller: null, userArn: null, user: null };
    const response = await handlers['post-rule-set-version']!(event, lambdaContext('post-rule-set-version'));
    expect(response.statusCode).toBe(403);
    expect(bodyOf(response).error.code).toBe('AUTHOR_UNKNOWN');
    const history = bodyOf(await call('get-rule-set-versions')) as { versions: unknown[] };
    expect(history.versions).toHaveLength(1);
  });

  it('publish a raised line only with acceptImpact, refuse it a second time, and roll back as a new version', async () => {
    const body = { ruleSet: draft('household-exit-v2.json'), cases: draft('household-exit-v2.cases.json'), note: '2018 line 4200' };
    const refused = await call('post-rule-set-version', body);
    expect(refused.statusCode).toBe(200);
    expect(bodyOf(refused)).toMatchObject({ status: 'refused', reason: 'impact' });

    const published = await call('post-rule-set-version', { ...body, acceptImpact: true });
    expect(bodyOf(published)).toMatchObject({ status: 'published' });
    // v2 exists now: the gate's version step refuses the same draft (a true race is a 409).
    expect(bodyOf(await call('post-rule-set-version', { ...body, acceptImpact: true }))).toMatchObject({ status: 'refused', reason: 'invalid' });

    const history = bodyOf(await call('get-rule-set-versions')) as { versions: { version: number; author: string }[] };
    expect(history.versions.map((v) => v.version)).toEqual([1, 2]);
    // The author is the IAM principal of the signed request (the event's identity), not a body field.
    expect(history.versions[1]!.author).toBe('arn:aws-cn:sts::123456789012:assumed-role/tuopin-policy-staff/wangfang');
    // Published alone, so recorded as self-approved, through a draft the history keeps; the refused attempts stored none.
    const lifecycle = bodyOf(await call('get-rule-set-history')) as { versions: { version: number; approval: { selfApproved: boolean } | null }[]; drafts: { status: string }[] };
    expect(lifecycle.versions[1]!.approval).toMatchObject({ selfApproved: true });
    expect(lifecycle.drafts.map((d) => d.status)).toEqual(['approved']);

    // Version 1 was published with no cases stored: its reviewed cases travel with the rollback.
    const v1Cases = JSON.parse(readFileSync(new URL('../scenarios/household-exit/v1.cases.json', import.meta.url), 'utf8')) as unknown;
    const withoutCases = await call('post-rule-set-rollback', { to: 1, note: 'back to 3535', acceptImpact: true });
    expect(bodyOf(withoutCases)).toMatchObject({ status: 'refused', reason: 'invalid' });
    const rolledBack = await call('post-rule-set-rollback', { to: 1, cases: v1Cases, note: 'back to 3535', acceptImpact: true });
    expect(bodyOf(rolledBack)).toMatchObject({ status: 'published' });
    const after = bodyOf(await call('get-rule-set-versions')) as { versions: { version: number }[] };
    expect(after.versions.map((v) => v.version)).toEqual([1, 2, 3]);
  }, 120_000);
});
