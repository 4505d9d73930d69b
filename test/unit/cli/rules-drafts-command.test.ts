import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../functions/_shared/config.js';
import type { Clients } from '../../../functions/_shared/clients.js';
import { ROUTES } from '../../../functions/_shared/routes.js';
import { CHANGES_SHOWN_PER_COUNTY, previewLines } from '../../../src/cli/rules/gate-report-text.js';
import { rulesCommand } from '../../../src/cli/rules/rules-command.js';
import type { ImpactPreview } from '../../../src/use-cases/rule-publishing/impact/outcome-changes.js';
import type { GateReport } from '../../../src/use-cases/rule-publishing/gate-report.js';
import { reportSummary } from '../../../src/use-cases/rule-drafts/stored-step.js';
import { importApiHandlers } from '../../../src/cli/serve/api-handlers.js';
import type { Stores } from '../../../src/ports/stores.js';
import { apiEvent, bodyOf, lambdaContext } from '../../functions/lambda-events.js';
import { runWithStoredRuleSets, sampleCountyStores } from '../../helpers/sample-county-store.js';
import { capture } from '../use-cases/rule-publishing/rules-cli-capture.js';

let stores: Stores;
let folder: string;

async function rules(...argv: string[]) {
  const captured = capture(stores);
  const code = await rulesCommand(argv, captured.io);
  return { code, out: captured.out() };
}

/** The draft file of the scenario: the version in force with the 2018 exit line raised from 3535 to 4200. */
async function raiseLine(file: string): Promise<void> {
  const draft = JSON.parse(await readFile(file, 'utf8')) as { parameters: { exitLine: { byYear: Record<string, number> } } };
  expect(draft.parameters.exitLine.byYear['2018']).toBe(3535);
  draft.parameters.exitLine.byYear['2018'] = 4200;
  await writeFile(file, JSON.stringify(draft, null, 2));
}

beforeAll(async () => {
  stores = await sampleCountyStores();
  folder = await mkdtemp(join(tmpdir(), 'tuopin-drafts-'));
}, 120_000);
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('tuopin rules cases --from-in-force', () => {
  it('writes the in-force version’s cases, confirmed, for a draft file: the gate then passes without a hand-written case', async () => {
    // Run before any draft is approved: the version in force is v1, the draft file is the next.
    const file = join(folder, 'v2.json');
    await writeFile(file, (await rules('show', 'household-exit')).out);
    await raiseLine(file);
    const draft = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...draft, version: 2 }));
    const casesFile = join(folder, 'v2.cases.json');
    const unconfirmed = await rules('cases', '--from-in-force', file, '--out', casesFile);
    expect(unconfirmed.out).toContain('not as expected');
    expect((await rules('test', file, '--cases', casesFile)).code).toBe(1);
    const { code, out } = await rules('cases', '--from-in-force', file, '--out', casesFile, '--confirm-all');
    expect(code).toBe(0);
    expect(out).toContain(`wrote the cases to ${casesFile} (household-exit v2)`);
    expect((await rules('test', file, '--cases', casesFile)).code).toBe(0);
  });
});

describe('tuopin rules: the draft lifecycle on the sample county', () => {
  let draftId: string;
  let cliReport: unknown;

  it('explains each new command with --help, in English and in Chinese', async () => {
    for (const name of ['draft', 'drafts', 'save', 'cases', 'submit', 'approve', 'reject', 'withdraw']) {
      expect((await rules(name, '--help')).out).toContain(`Usage: tuopin rules ${name}`);
      expect((await rules(name, '--help', '--lang', 'zh')).out).toContain(`用法：tuopin rules ${name}`);
    }
  });

  it('starts a draft from the version in force with its cases, written to a file to edit', async () => {
    const file = join(folder, 'draft.json');
    const { code, out } = await rules('draft', 'household-exit', '--author', '王芳', '--note', 'raise the 2018 line', '--out', file);
    expect(code).toBe(0);
    expect(out).toMatch(/household-exit draft \S+: v2, draft, by 王芳/);
    expect(out).toMatch(/from v1; scenario cases: \d+/);
    draftId = /draft (\S+): v2/.exec(out)![1]!;
    await raiseLine(file);
    expect((await rules('save', 'household-exit', draftId, file, '--author', '王芳')).code).toBe(0);
  });

  it('shows the carried cases the raised line changes, side by side, and confirms them', async () => {
    const before = await rules('cases', 'household-exit', draftId);
    expect(before.out).toMatch(/✗ .+: expected pass; in force pass → draft fail/);
    expect(before.out).toContain('items that change: income pass → fail');
    expect(before.out).toContain('--confirm-all');
    const zh = await rules('cases', 'household-exit', draftId, '--lang', 'zh');
    expect(zh.out).toMatch(/预期 pass；施行中 pass → 草稿 fail/);
    const confirmed = await rules('cases', 'household-exit', draftId, '--confirm-all', '--author', '王芳');
    expect(confirmed.out).toMatch(/confirmed the new expectation of \d+ cases/);
    expect(confirmed.out).toMatch(/\d+ cases: \d+ judged differently by the draft, 0 not as expected/);
  });

  it('submits through the gate, the impact kept with the step', async () => {
    const { code, out } = await rules('submit', 'household-exit', draftId, '--author', '王芳', '--note', 'line 4200', '--json');
    expect(code).toBe(0);
    const outcome = JSON.parse(out) as { status: string; report: { ok: boolean; preview: { totals: { households: { changed: number } } } } };
    expect(outcome.status).toBe('submitted');
    expect(outcome.report.preview.totals.households.changed).toBeGreaterThan(0);
    cliReport = outcome.report;
    // `rules drafts --json` reads the stored report back whole: every flipped household, not a few per county.
    const stored = JSON.parse((await rules('drafts', 'household-exit', draftId, '--json')).out) as { steps: { action: string; report?: typeof outcome.report & { preview: { counties: { examples: { subjectType: string }[] }[] } } }[] };
    const report = stored.steps.find((s) => s.action === 'submit')!.report!;
    expect(report).toEqual(outcome.report);
    expect(report.preview.counties.flatMap((c) => c.examples).filter((e) => e.subjectType === 'household')).toHaveLength(report.preview.totals.households.changed);
  });

  it('lists the drafts with --json giving each step’s report as its summary, never its change lists', async () => {
    const listed = JSON.parse((await rules('drafts', 'household-exit', '--json')).out) as { draftId: string; steps: { action: string; report?: unknown; reportSummary?: { totals: { households: { changed: number } } } }[] }[];
    const submit = listed.find((d) => d.draftId === draftId)!.steps.find((s) => s.action === 'submit')!;
    expect(submit).not.toHaveProperty('report');
    expect(submit.reportSummary!.totals.households.changed).toBe((cliReport as unknown as { preview: ImpactPreview }).preview.totals.households.changed);
  });

  it('lists the first changes of each county on a terminal and says how many more the whole report holds', () => {
    const preview = (cliReport as unknown as { preview: ImpactPreview }).preview;
    const county = preview.counties.find((c) => c.examples.length > CHANGES_SHOWN_PER_COUNTY)!;
    for (const lang of ['zh', 'en'] as const) {
      const lines = previewLines(lang, preview);
      const at = lines.findIndex((line) => line.includes(county.countyId));
      const listed = lines.slice(at + 1).findIndex((line) => !line.startsWith('    '));
      const block = lines.slice(at + 1, listed === -1 ? undefined : at + 1 + listed);
      expect(block).toHaveLength(CHANGES_SHOWN_PER_COUNTY + 1);
      expect(block.at(-1)).toContain(String(county.examples.length - CHANGES_SHOWN_PER_COUNTY));
      expect(block.at(-1)).toContain('tuopin rules drafts --json');
    }
  });

  it("refuses the author's own approval, then publishes an approver's: the next run judges with v2", async () => {
    await expect(rules('approve', 'household-exit', draftId, '--author', '王芳')).rejects.toMatchObject({ code: 'SELF_APPROVAL_REFUSED' });
    const { code, out } = await rules('approve', 'household-exit', draftId, '--author', '李强', '--note', 'checked');
    expect(out).toContain('approved: published as household-exit v2');
    expect(code).toBe(0);
    const run = await runWithStoredRuleSets(stores, '2018Q4', 'after-cli');
    expect(run.ruleSetVersions['household-exit']).toBe(2);
    const drafts = await rules('drafts', 'household-exit');
    expect(drafts.out).toMatch(/approve {2}李强: checked/);
  });

  it('gives the same gate report and impact as the API for the same draft', async () => {
    // A second, identical county store; the draft made through the API with the CLI draft's content and confirmed cases.
    const other = await sampleCountyStores();
    const handlers = await importApiHandlers({
      config: parseConfig({ TABLE_NAME: 'tuopin', RUN_TIME_ZONE: 'Asia/Shanghai' }),
      client: undefined as never,
      stores: other,
      latestRuleSets: undefined as never,
      contexts: undefined as never,
      clock: () => new Date('2026-03-01T08:00:00.000Z'),
      telemetry: { logLevel: 'SILENT', metrics: false },
      currentQuarter: () => '2018Q4',
      nightlyObjects: () => {
        throw new Error('no nightly bucket in this test');
      },
    } satisfies Clients);
    const call = async (name: keyof typeof ROUTES, pathParameters: Record<string, string>, body: unknown) => {
      const route = ROUTES[name];
      const event = apiEvent('post-rule-set-version', { pathParameters, body }) as APIGatewayProxyEvent;
      event.resource = route.path;
      event.httpMethod = route.method;
      return bodyOf(await handlers[name]!(event, lambdaContext(name)));
    };
    const cliDraft = (await stores.drafts.get('household-exit', draftId))!;
    const created = await call('post-rule-set-draft', { ruleSetId: 'household-exit' }, {});
    const at = { ruleSetId: 'household-exit', draftId: created.draftId as string };
    await call('post-rule-set-draft-save', at, { ruleSet: cliDraft.ruleSet, cases: cliDraft.cases });
    const submitted = await call('post-rule-set-draft-submission', at, { note: 'line 4200' });
    expect(submitted.status).toBe('submitted');
    // The API answers with the report's summary and stores it whole, as the CLI's own draft does.
    expect(submitted.report).toEqual(reportSummary(cliReport as GateReport));
    const reportKey = (submitted.draft as { steps: { reportRef?: { key: string } }[] }).steps.at(-1)!.reportRef!.key;
    expect(await other.drafts.report('household-exit', at.draftId, reportKey)).toEqual(cliReport);
  }, 120_000);
});

