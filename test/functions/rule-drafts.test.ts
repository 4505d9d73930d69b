import type { APIGatewayProxyEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/_shared/config.js';
import type { Clients } from '../../functions/_shared/clients.js';
import { DRAFT_RESPONSES } from '../../functions/_shared/draft-response-schemas.js';
import type { HttpHandler } from '../../functions/_shared/http-handler.js';
import { ROUTES } from '../../functions/_shared/routes.js';
import { importApiHandlers } from '../../src/cli/serve/api-handlers.js';
import type { Stores } from '../../src/ports/stores.js';
import { runWithStoredRuleSets, sampleCountyStores } from '../helpers/sample-county-store.js';
import { apiEvent, bodyOf, lambdaContext } from './lambda-events.js';

const OFFICER = 'arn:aws-cn:sts::123456789012:assumed-role/tuopin-policy-staff/wangfang';
const APPROVER = 'arn:aws-cn:sts::123456789012:assumed-role/tuopin-approver/liqiang';

let stores: Stores;
let handlers: Record<string, HttpHandler>;

/** The handlers as `serve` builds them, on the sample county's in-memory stores. */
async function handlersOn(on: Stores): Promise<Record<string, HttpHandler>> {
  const clients = {
    config: parseConfig({ TABLE_NAME: 'tuopin', RUN_TIME_ZONE: 'Asia/Shanghai' }),
    client: undefined as never,
    stores: on,
    latestRuleSets: undefined as never,
    contexts: undefined as never,
    clock: () => new Date('2026-11-30T08:00:00Z'),
    telemetry: { logLevel: 'SILENT', metrics: false },
    currentQuarter: () => '2018Q4',
    nightlyObjects: () => {
      throw new Error('no nightly bucket in this test');
    },
  } satisfies Clients;
  return importApiHandlers(clients);
}

/** A signed call of a route as API Gateway hands it over, by `caller`. */
async function call(name: keyof typeof ROUTES, caller: string, pathParameters: Record<string, string>, body?: unknown, query?: Record<string, string>) {
  const route = ROUTES[name];
  const event = apiEvent('post-rule-set-version', body === undefined ? { pathParameters } : { pathParameters, body }) as APIGatewayProxyEvent;
  event.httpMethod = route.method;
  event.resource = route.path;
  event.path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(pathParameters[key] ?? ''));
  event.requestContext = { ...event.requestContext, resourcePath: route.path, httpMethod: route.method, identity: { ...event.requestContext.identity, userArn: caller } };
  if (body === undefined) event.body = null;
  if (query) event.queryStringParameters = query;
  const response = await handlers[name]!(event, lambdaContext(name));
  return { status: response.statusCode, body: bodyOf(response) };
}

const HOUSEHOLD = { ruleSetId: 'household-exit' };
let COUNTY: string;

/** Every household's 2018 income per capita, by id. */
async function incomes(): Promise<Map<string, number | null>> {
  const income = new Map<string, number | null>();
  for (const village of await stores.records.listVillages(COUNTY)) {
    for (const household of await stores.records.listHouseholds(village.villageId)) income.set(household.householdId, household.incomePerCapita);
  }
  return income;
}

beforeAll(async () => {
  stores = await sampleCountyStores();
  COUNTY = (await stores.records.listCounties())[0]!.countyId;
  handlers = await handlersOn(stores);
}, 120_000);

describe('the rule-draft routes on the sample county', () => {
  let draftId: string;

  it('start a draft from the version in force, with its scenario cases carried over', async () => {
    const { status, body } = await call('post-rule-set-draft', OFFICER, HOUSEHOLD, { note: 'raise the 2018 line' });
    expect(status).toBe(200);
    DRAFT_RESPONSES['post-rule-set-draft'].parse(body);
    expect(body).toMatchObject({ status: 'draft', author: OFFICER, baseVersion: 1, ruleSet: { id: 'household-exit', version: 2 } });
    expect(body.cases).toMatchObject({ ruleSetId: 'household-exit', version: 2 });
    expect(body.cases.cases.length).toBeGreaterThan(10);
    draftId = body.draftId;
  });

  it('show which carried cases the raised line changes, before and after, and take them as confirmed', async () => {
    const { body: draft } = await call('get-rule-set-draft', OFFICER, { ...HOUSEHOLD, draftId });
    draft.ruleSet.parameters.exitLine.byYear['2018'] = 4200;
    const saved = await call('post-rule-set-draft-save', OFFICER, { ...HOUSEHOLD, draftId }, { ruleSet: draft.ruleSet, cases: draft.cases, note: '4200' });
    expect(saved.status).toBe(200);

    const ran = await call('post-rule-set-draft-case-run', OFFICER, { ...HOUSEHOLD, draftId }, {});
    expect(ran.status).toBe(200);
    DRAFT_RESPONSES['post-rule-set-draft-case-run'].parse(ran.body);
    const changed = ran.body.cases.filter((c: { changed: boolean }) => c.changed);
    expect(changed.length).toBeGreaterThan(0);
    for (const c of changed) {
      expect(c.before.items.income).toBe('pass');
      expect(c.after.items.income).toBe('fail');
    }
    const failing = ran.body.cases.filter((c: { passes: boolean }) => !c.passes);
    expect(failing.length).toBeGreaterThan(0);
    // Unchanged cases still pass: only the confirmations are the officer's to give.
    expect(ran.body.cases.filter((c: { changed: boolean; passes: boolean }) => !c.changed && !c.passes)).toEqual([]);

    const refused = await call('post-rule-set-draft-submission', OFFICER, { ...HOUSEHOLD, draftId }, {});
    expect(refused.body.status).toBe('refused');
    expect(refused.body.report.steps.find((s: { step: string }) => s.step === 'cases').ok).toBe(false);

    const confirmed = await call('post-rule-set-draft-case-confirmation', OFFICER, { ...HOUSEHOLD, draftId }, { names: failing.map((c: { name: string }) => c.name) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmed.sort()).toEqual(failing.map((c: { name: string }) => c.name).sort());
    const again = await call('post-rule-set-draft-case-run', OFFICER, { ...HOUSEHOLD, draftId }, {});
    expect(again.body.failing).toBe(0);
  });

  it('refuse a save, a submission or a withdrawal by anyone but the author', async () => {
    const { body: draft } = await call('get-rule-set-draft', APPROVER, { ...HOUSEHOLD, draftId });
    const save = await call('post-rule-set-draft-save', APPROVER, { ...HOUSEHOLD, draftId }, { ruleSet: draft.ruleSet, cases: draft.cases });
    expect(save).toMatchObject({ status: 403, body: { error: { code: 'NOT_DRAFT_AUTHOR' } } });
    const submit = await call('post-rule-set-draft-submission', APPROVER, { ...HOUSEHOLD, draftId }, {});
    expect(submit).toMatchObject({ status: 403, body: { error: { code: 'NOT_DRAFT_AUTHOR' } } });
  });

  it('submit with the impact: only households between the two lines flip, to fail', async () => {
    const { status, body } = await call('post-rule-set-draft-submission', OFFICER, { ...HOUSEHOLD, draftId }, { note: 'the 2018 line raised to 4200' });
    expect(status).toBe(200);
    DRAFT_RESPONSES['post-rule-set-draft-submission'].parse(body);
    expect(body.report.steps.filter((s: { ok: boolean }) => !s.ok)).toEqual([]);
    expect(body.status).toBe('submitted');
    // The answer carries the report's summary; its changes are read in pages from the step's stored report.
    expect(Object.keys(body.report).sort()).toEqual(['changesOutcomes', 'ok', 'ruleSetId', 'steps', 'totals', 'version']);
    const reportKey = body.draft.steps.at(-1).reportRef.key as string;
    const first = await call('get-rule-set-draft-report', OFFICER, { ...HOUSEHOLD, draftId, reportKey }, undefined, { limit: '1000' });
    expect(first.body.nextOffset).toBeNull();
    const preview = { ...first.body.preview, counties: [{ examples: first.body.changes }] };
    expect(preview.quarter).toBe('2018Q4');
    expect(preview.totals).toEqual(body.report.totals);
    const income = await incomes();
    // Every household between the lines that did not fail already, and no other, flips.
    let between = 0;
    for (const village of await stores.records.listVillages(COUNTY)) {
      for (const verdict of await stores.verdicts.listPartitionVerdicts(village.villageId, 2018)) {
        const value = income.get(verdict.subjectId);
        if (verdict.ruleSetId === 'household-exit' && verdict.outcome !== 'fail' && value != null && value > 3535 && value <= 4200) between += 1;
      }
    }
    expect(between).toBeGreaterThan(0);
    expect(preview.totals.households.changed).toBe(between);
    expect(preview.totals.counties.changed).toBe(0);
    const examples = preview.counties.flatMap((c: { examples: { subjectType: string; subjectId: string }[] }) => c.examples).filter((e: { subjectType: string }) => e.subjectType === 'household');
    // Every flipped household is listed, not a few per county: this report is stored as the approver reads it.
    expect(new Set(examples.map((e: { subjectId: string }) => e.subjectId)).size).toBe(between);
    for (const example of examples) {
      expect(example).toMatchObject({ ruleSetId: 'household-exit', after: 'fail' });
      expect(income.get(example.subjectId)).toBeGreaterThan(3535);
      expect(income.get(example.subjectId)).toBeLessThanOrEqual(4200);
    }
    // Submitted: the author edits no more.
    const save = await call('post-rule-set-draft-save', OFFICER, { ...HOUSEHOLD, draftId }, { ruleSet: body.draft.ruleSet, cases: body.draft.cases });
    expect(save).toMatchObject({ status: 409, body: { error: { code: 'DRAFT_STATE' } } });
  });

  it("refuse the author's own approval, then publish an approver's, whose run carries the new version", async () => {
    const own = await call('post-rule-set-draft-approval', OFFICER, { ...HOUSEHOLD, draftId }, {});
    expect(own).toMatchObject({ status: 403, body: { error: { code: 'SELF_APPROVAL_REFUSED' } } });
    expect(own.body.error.message).toContain('起草人不能批准自己的草稿');

    const approved = await call('post-rule-set-draft-approval', APPROVER, { ...HOUSEHOLD, draftId }, { note: 'checked the list' });
    expect(approved.status).toBe(200);
    DRAFT_RESPONSES['post-rule-set-draft-approval'].parse(approved.body);
    expect(approved.body).toMatchObject({ status: 'approved', draft: { status: 'approved', publishedVersion: 2 } });
    expect(approved.body.report.totals.households.changed).toBeGreaterThan(0);
    const twice = await call('post-rule-set-draft-approval', APPROVER, { ...HOUSEHOLD, draftId }, {});
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'DRAFT_STATE' } } });

    const entry = await stores.ruleSets.getVersion('household-exit', 2);
    expect(entry).toMatchObject({ author: OFFICER, approval: { approvedBy: APPROVER, draftId, selfApproved: false } });
    const run = await runWithStoredRuleSets(stores, '2018Q4', 'after');
    expect(run.ruleSetVersions['household-exit']).toBe(2);
    const village = (await stores.records.listVillages(COUNTY))[0]!;
    const judged = (await stores.verdicts.listPartitionVerdicts(village.villageId, 2018)).filter((v) => v.ruleSetId === 'household-exit');
    expect(judged.length).toBeGreaterThan(0);
    expect(new Set(judged.map((v) => v.ruleSetVersion))).toEqual(new Set([2]));
  });

  it('give the history: the versions with approval, diff, cases and impact, and the draft with its steps', async () => {
    const { status, body } = await call('get-rule-set-history', OFFICER, HOUSEHOLD);
    expect(status).toBe(200);
    DRAFT_RESPONSES['get-rule-set-history'].parse(body);
    const v2 = body.versions.find((v: { version: number }) => v.version === 2);
    expect(v2.diff.parameters).toEqual([{ path: 'exitLine.byYear.2018', before: 3535, after: 4200 }]);
    expect(v2.impact.summary.totals.households.changed).toBeGreaterThan(0);
    // The history carries each report as its summary; the changes are read page by page, every flipped household.
    const submitted = body.drafts[0].steps.find((s: { action: string }) => s.action === 'submit');
    expect(submitted).not.toHaveProperty('report');
    expect(submitted.reportSummary.totals.households.changed).toBeGreaterThan(0);
    expect(v2.impact.reportKey).toBe(body.drafts[0].steps.find((s: { action: string }) => s.action === 'approve').reportRef.key);
    const flipped = async (reportKey: string) => {
      const changes: { subjectType: string }[] = [];
      for (let offset: number | null = 0; offset !== null; ) {
        const page = await call('get-rule-set-draft-report', OFFICER, { ...HOUSEHOLD, draftId, reportKey }, undefined, { offset: String(offset), limit: '7' });
        expect(page.status).toBe(200);
        DRAFT_RESPONSES['get-rule-set-draft-report'].parse(page.body);
        changes.push(...page.body.changes);
        offset = page.body.nextOffset;
      }
      return changes.filter((e) => e.subjectType === 'household').length;
    };
    expect(await flipped(v2.impact.reportKey)).toBe(v2.impact.summary.totals.households.changed);
    expect(await flipped(submitted.reportRef.key)).toBe(submitted.reportSummary.totals.households.changed);
    expect(v2.cases.version).toBe(2);
    expect(body.drafts[0].steps.map((s: { action: string }) => s.action)).toEqual(['create', 'save', 'confirm-cases', 'submit', 'approve']);
  });

  it('give a stored report a page at a time to policy staff and approvers, and 404 for a report the draft does not have', async () => {
    const { body: draft } = await call('get-rule-set-draft', APPROVER, { ...HOUSEHOLD, draftId });
    DRAFT_RESPONSES['get-rule-set-draft'].parse(draft);
    const submit = draft.steps.find((s: { action: string }) => s.action === 'submit');
    expect(submit).not.toHaveProperty('report');
    const at = { ...HOUSEHOLD, draftId, reportKey: submit.reportRef.key };
    for (const caller of [OFFICER, APPROVER]) {
      const page = await call('get-rule-set-draft-report', caller, at, undefined, { offset: '1', limit: '2' });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ offset: 1, limit: 2, nextOffset: 3, summary: submit.reportSummary });
      expect(page.body.changes).toHaveLength(2);
      expect(page.body.total).toBeGreaterThan(3);
    }
    const unknown = await call('get-rule-set-draft-report', OFFICER, { ...at, reportKey: 'submit-0' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('DRAFT_REPORT_NOT_FOUND');
    expect((await call('get-rule-set-draft-report', OFFICER, { ...at, draftId: 'no-such-draft' })).status).toBe(404);
    expect((await call('get-rule-set-draft-report', OFFICER, at, undefined, { limit: '1001' })).status).toBe(400);
  });

  it('refuse the one-step publication where a second approval is required, naming submit and approve', async () => {
    const { status, body } = await call('post-rule-set-version', OFFICER, HOUSEHOLD, { ruleSet: { id: 'household-exit' }, note: 'alone' });
    expect(status).toBe(403);
    expect(body.error.code).toBe('ONE_STEP_PUBLISH_REFUSED');
    expect(body.error.message).toMatch(/submit.*approve/);
    expect(body.error.message).toContain('审批人批准');
  });
});
