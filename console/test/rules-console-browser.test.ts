import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, QUARTER, ROOT, serveConsole, seriousViolations, type ServedConsole } from './console-fixture.js';

/**
 * Rule authoring in Chromium, end to end on the sample county: a policy officer raises the 2018
 * exit line from 3535 to 4200 in the form, confirms the carried cases that change, reads the
 * impact and submits; the same officer is refused approval; an approver approves; the village
 * re-scored then shows the new verdicts with the new version, and after the night's scoring the
 * overview shows version 2 and the outcome counts moved as the impact said. A viewer cannot open
 * the editor, and the API refuses an author's own approval called directly.
 */
let served: ServedConsole;
let page: Page;
let draftUrl: string;

const jsonLines = async <T>(path: string): Promise<T[]> => (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);

/** The household-exit outcomes of the run's output, counted, and of the named households, one by one. */
async function householdOutcomes(): Promise<{ counts: Record<string, number>; of: Map<string, string> }> {
  const verdicts = await jsonLines<{ ruleSetId: string; subjectId: string; outcome: string }>(join(served.work, 'out', 'verdicts.jsonl'));
  const counts: Record<string, number> = {};
  const of = new Map<string, string>();
  for (const verdict of verdicts.filter((v) => v.ruleSetId === 'household-exit')) {
    counts[verdict.outcome] = (counts[verdict.outcome] ?? 0) + 1;
    of.set(verdict.subjectId, verdict.outcome);
  }
  return { counts, of };
}

/** The overview's household-exit counts and the rule-set versions it names, as shown. */
async function overviewAsShown(): Promise<{ counts: Record<string, number>; versions: Record<string, string> }> {
  await page.locator('[data-testid=overview-versions] [data-rule-set]').first().waitFor({ timeout: 60_000 });
  const counts = await page.locator('ul[aria-label=household-exit] li').evaluateAll((items) => Object.fromEntries(items.map((item) => [item.getAttribute('data-outcome'), Number(item.getAttribute('data-count'))])));
  const versions = await page.locator('[data-testid=overview-versions] [data-rule-set]').evaluateAll((tags) => Object.fromEntries(tags.map((tag) => [tag.getAttribute('data-rule-set'), tag.getAttribute('data-version')])));
  return { counts: counts as Record<string, number>, versions: versions as Record<string, string> };
}

/** The households the run judged passing income with an income up to 4200 and not already failing: those the raised line must flip. */
async function householdsBetweenTheLines(): Promise<string[]> {
  const verdicts = await jsonLines<{ ruleSetId: string; subjectId: string; outcome: string; items: { id: string; outcome: string; actual: unknown }[] }>(join(served.work, 'out', 'verdicts.jsonl'));
  return verdicts
    .filter((v) => v.ruleSetId === 'household-exit' && v.outcome !== 'fail')
    .filter((v) => v.items.some((item) => item.id === 'income' && item.outcome === 'pass' && typeof item.actual === 'number' && item.actual <= 4200))
    .map((v) => v.subjectId)
    .sort();
}

beforeAll(async () => {
  served = await serveConsole('tuopin-rules-console-', { nightly: true });
  page = served.page;
}, 600_000);

afterAll(async () => {
  await served?.close();
}, 120_000);

const exitLine2018 = () => page.locator('[data-path="parameters.exitLine.byYear.2018"] input');
const gateSettled = () => page.locator('[data-testid=gate-report][data-running=false]').waitFor({ timeout: 120_000 });

describe('rule authoring in the console', () => {
  it('shows a policy officer each standard with the version in force, and starts a draft from it with its cases', async () => {
    await page.goto(served.signIn['policy-staff']!);
    await page.getByRole('menuitem', { name: '规则' }).click();
    await page.locator('[data-testid=rule-sets] tbody tr').first().waitFor();
    expect(await page.locator('[data-version="household-exit@1"]').innerText()).toContain('现行');
    await page.getByTestId('open-household-exit').click();
    await page.getByTestId('create-draft').click();
    await exitLine2018().waitFor();
    draftUrl = page.url();
    expect(new URL(draftUrl).pathname).toMatch(/^\/rules\/household-exit\/drafts\/[^/]+$/);
    expect(await exitLine2018().inputValue()).toBe('3535');
    await gateSettled();
    expect(await page.getByTestId('gate-report').getAttribute('data-ok')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'rules-editor.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the form and the JSON in step, and shows a problem at its field with a jump from the list', async () => {
    await exitLine2018().fill('4200');
    const json = page.getByTestId('rule-json');
    await expect.poll(() => json.inputValue()).toContain('"2018": 4200');
    const text = await json.inputValue();
    await json.fill(text.replace('"operator": "greaterThan"', '"operator": "greaterThen"'));
    const problem = page.locator('[data-path="items.0.conditions.operator"] [data-testid=field-problems]');
    await problem.waitFor({ timeout: 60_000 });
    expect(await problem.innerText()).toContain('greaterThen');
    await page.locator('[data-problem-path="items.0.conditions.operator"] [data-testid=jump]').click();
    await json.fill(text);
    await problem.waitFor({ state: 'detached', timeout: 60_000 });
    expect(await exitLine2018().inputValue()).toBe('4200');
    await page.getByTestId('change-note').fill('2018 年退出线由 3535 元提高到 4200 元');
  });

  it('shows the carried cases the raised line changes side by side, and confirms them as the new expectations', async () => {
    const confirmAll = page.getByTestId('confirm-all-cases');
    await confirmAll.waitFor({ timeout: 120_000 });
    const changed = page.locator('[data-testid=changed-cases] tbody tr');
    expect(await changed.count()).toBeGreaterThan(0);
    // Before (the version in force) passes income, after (the draft) fails it.
    expect(await changed.first().innerText()).toContain('income: fail');
    await confirmAll.click();
    await confirmAll.waitFor({ state: 'detached', timeout: 120_000 });
    await page.locator('[data-testid=impact-households] tbody tr').first().waitFor({ timeout: 120_000 });
    await gateSettled();
    expect(await page.getByTestId('gate-report').getAttribute('data-ok')).toBe('true');
  });

  it('adds a case from a household picked in the data, expecting the draft\'s verdict, and lists it among the cases', async () => {
    const householdId = (await householdsBetweenTheLines())[0]!;
    await page.getByTestId('household-case-id').fill(householdId);
    expect(await page.locator('input[data-testid=household-case-year], [data-testid=household-case-year] input').inputValue()).toBe('2018');
    await page.getByTestId('add-household-case').click();
    const row = page.locator('[data-testid=changed-cases] tbody tr', { hasText: `户 ${householdId}` });
    await row.waitFor({ timeout: 120_000 });
    // The version in force passes it, the draft fails it on income: the draft's verdict is the expectation.
    expect(await row.locator('td:nth-child(2) [data-outcome]').getAttribute('data-outcome')).toBe('fail');
    expect(await row.locator('td:nth-child(3) [data-outcome]').getAttribute('data-outcome')).toBe('pass');
    await expect.poll(() => page.getByTestId('confirm-all-cases').count()).toBe(0);
    await gateSettled();
    expect(await page.getByTestId('gate-report').getAttribute('data-ok')).toBe('true');
  });

  it('adds a case to a village-exit draft from a village picked in the data, expecting the draft\'s verdict, and lists it among the cases', async () => {
    // In a second tab of the same session, so the household-exit draft stays as it is in the first.
    const tab = await served.context.newPage();
    try {
      await tab.goto(`${served.base}/rules/village-exit`);
      await tab.getByTestId('create-draft').click();
      await tab.getByTestId('village-case-id').waitFor({ timeout: 60_000 });
      // A village the run judged failing if there is one: the case must expect what the data gives.
      const verdicts = await jsonLines<{ ruleSetId: string; subjectId: string; outcome: string }>(join(served.work, 'out', 'verdicts.jsonl'));
      const villages = verdicts.filter((v) => v.ruleSetId === 'village-exit');
      const village = villages.find((v) => v.outcome === 'fail') ?? villages[0]!;
      await tab.getByTestId('village-case-id').fill(village.subjectId);
      expect(await tab.locator('[data-testid=village-case-year] input, input[data-testid=village-case-year]').inputValue()).toBe('2018');
      await tab.getByTestId('add-village-case').click();
      const row = tab.locator('[data-testid=changed-cases] tbody tr', { hasText: `村 ${village.subjectId}` });
      await row.waitFor({ timeout: 120_000 });
      // The draft is the version in force unchanged: it judges the village as the run did, and that is the expectation.
      expect(await row.locator('td:nth-child(2) [data-outcome]').getAttribute('data-outcome')).toBe(village.outcome);
      expect(await row.locator('td:nth-child(4) [data-outcome]').getAttribute('data-outcome')).toBe(village.outcome);
      await tab.locator('[data-testid=gate-report][data-running=false]').waitFor({ timeout: 120_000 });
      expect(await tab.getByTestId('gate-report').getAttribute('data-ok')).toBe('true');
      await tab.screenshot({ path: join(ARTIFACTS, 'rules-village-case.png'), fullPage: true });
    } finally {
      await tab.close();
    }
  });

  it('reads the impact: exactly the households between the two lines flip to fail, on income alone', async () => {
    const rows = page.locator('[data-testid=impact-households] tbody tr');
    const ids = (await rows.locator('td:nth-child(2)').allInnerTexts()).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(await householdsBetweenTheLines());
    expect(new Set(await rows.locator('[data-outcome-after]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-outcome-after'))))).toEqual(new Set(['fail']));
    expect(new Set(await rows.locator('td:nth-child(7)').allInnerTexts())).toEqual(new Set(['income: 达标 → 未达标']));
    expect(await page.locator('[data-testid=impact-households] thead').innerText()).toContain('户主姓名');
    // No other household changes: the count of households that change is the list.
    expect(await page.locator('[data-testid=impact-count-households] .ant-statistic-content-value').innerText()).toBe(String(ids.length));
    expect(await page.locator('[data-chart=bars] canvas').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(ARTIFACTS, 'rules-impact.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('submits the draft with a note, and refuses its author the approval with the reason', async () => {
    await page.getByTestId('step-note').fill('提高 2018 年退出线，请审批');
    // The draft comes with each report's summary; the stored report's changes are read from the paged route.
    const paged = page.waitForResponse((response) => /\/drafts\/[^/]+\/reports\/submit-[^/?]+\?offset=0&limit=1000$/.test(response.url()) && response.status() === 200, { timeout: 120_000 });
    await page.getByTestId('draft-submit').click();
    await page.getByTestId('draft-review').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('draft-status').innerText()).toBe('待审批');
    expect((await (await paged).json()).nextOffset).toBeNull();
    // The report stored with the submission lists every flipped household, not a few: as the approver and the history read it.
    const stored = page.locator('[data-testid=draft-record] [data-testid=impact-households] tbody tr td:nth-child(2)');
    await stored.first().waitFor();
    expect((await stored.allInnerTexts()).sort()).toEqual(await householdsBetweenTheLines());
    expect(await page.locator('[data-testid=draft-record] [data-testid=impact-truncated]').count()).toBe(0);
    await page.getByTestId('step-note').fill('同意');
    await page.getByTestId('draft-approve').click();
    const refusal = page.getByTestId('draft-refusal');
    await refusal.waitFor({ timeout: 120_000 });
    expect(await refusal.innerText()).toMatch(/无权|不能批准/);
    expect(await page.getByTestId('draft-status').innerText()).toBe('待审批');
  });

  it('lets an approver read the same report and approve it; the village re-scored then shows the new verdicts with version 2', async () => {
    await page.goto(served.signIn.approver!);
    await page.goto(draftUrl);
    await page.getByTestId('draft-review').waitFor();
    await page.locator('[data-testid=impact-now] [data-testid=impact-households] tbody tr').first().waitFor({ timeout: 120_000 });
    const flips = await householdsBetweenTheLines();
    expect((await page.locator('[data-testid=impact-now] [data-testid=impact-households] tbody tr td:nth-child(2)').allInnerTexts()).sort()).toEqual(flips);
    await page.getByTestId('step-note').fill('已核对影响，同意发布');
    await page.getByTestId('draft-approve').click();
    await page.locator('[data-testid=draft-status]', { hasText: '已批准发布' }).waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-step-action=approve]').innerText()).toContain('v2');

    // The overview of a village the raised line reaches, re-scored now: its households judged by version 2.
    // One on the village page's first page of 50 households.
    const household = flips.find((id) => Number(id.split('-').at(-1)) <= 40)!;
    const villageId = household.split('-').slice(0, 3).join('-');
    const [county] = await jsonLines<{ countyId: string }>(join(ROOT, 'data/sample-county/counties.jsonl'));
    await page.goto(`${served.base}/villages/${villageId}?county=${county!.countyId}&quarter=${QUARTER}`);
    await page.getByRole('button', { name: '重新评估本村' }).click();
    await page.getByText(/已重新评估/).waitFor({ timeout: 120_000 });
    const row = page.locator('[data-testid=households] tbody tr', { hasText: household });
    await row.locator('.ant-table-row-expand-icon').click();
    const explanation = page.locator('[data-testid=explanation]', { hasText: 'household-exit v2' });
    await explanation.waitFor();
    expect(await explanation.innerText()).toContain('household-exit v2');
    await page.screenshot({ path: join(ARTIFACTS, 'rules-approved-village.png'), fullPage: true });

    // The review in English: the catalogue's other language.
    await page.goto(draftUrl);
    await page.getByText('English', { exact: true }).click();
    expect(await page.getByTestId('draft-status').innerText()).toBe('approved and published');
    expect(await page.locator('[data-step-action=approve]').innerText()).toContain('Approved and published');
    await page.screenshot({ path: join(ARTIFACTS, 'rules-review-en.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByText('中文', { exact: true }).click();
  });

  it("shows on the overview, after the night's scoring, the new verdicts with household-exit v2: the households between the lines moved to fail", async () => {
    const [county] = await jsonLines<{ countyId: string }>(join(ROOT, 'data/sample-county/counties.jsonl'));
    const overview = `${served.base}/?county=${county!.countyId}&quarter=${QUARTER}`;
    await page.goto(overview);
    const before = await overviewAsShown();
    // Only the run that scored the sample county so far: version 1, its counts those of its output.
    expect(before.versions['household-exit']).toBe('1');
    expect(await page.getByTestId('overview-versions').innerText()).toContain('贫困户退出 v1');

    await served.runNightly();
    await page.goto(overview);
    const after = await overviewAsShown();
    expect(after.versions['household-exit']).toBe('2');
    expect(await page.getByTestId('overview-versions').innerText()).toContain('贫困户退出 v2');
    // The other standards stay at the versions in force before.
    for (const [ruleSetId, version] of Object.entries(before.versions)) if (ruleSetId !== 'household-exit') expect(after.versions[ruleSetId], ruleSetId).toBe(version);

    // What the impact listed, and nothing else: each flipped household leaves its outcome for fail.
    const { counts, of } = await householdOutcomes();
    const flips = await householdsBetweenTheLines();
    const expected: Record<string, number> = { ...counts, fail: (counts.fail ?? 0) + flips.length };
    for (const id of flips) expected[of.get(id)!]! -= 1;
    const nonZero = (tally: Record<string, number>) => Object.fromEntries(Object.entries(tally).filter(([, n]) => n > 0));
    expect(flips.length).toBeGreaterThan(0);
    expect(nonZero(after.counts)).toEqual(nonZero(expected));
    await page.screenshot({ path: join(ARTIFACTS, 'rules-approved-overview.png'), fullPage: true });
  });

  it("refuses an author's own approval when the API is called directly", async () => {
    // The approver writes and submits a draft of their own (the version in force, unchanged), then approves it.
    const answer = await page.evaluate(async () => {
      const call = async (path: string, body: unknown) => {
        const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      const created = await call('/rule-sets/household-exit/drafts', {});
      const draftId = String(created.body.draftId);
      const submitted = await call(`/rule-sets/household-exit/drafts/${draftId}/submissions`, { note: 'no change' });
      const approved = await call(`/rule-sets/household-exit/drafts/${draftId}/approvals`, { note: 'my own' });
      return { submitted: submitted.body.status, approved };
    });
    expect(answer.submitted).toBe('submitted');
    expect(answer.approved.status).toBeGreaterThanOrEqual(400);
    expect((answer.approved.body.error as { code: string }).code).toBe('SELF_APPROVAL_REFUSED');
  });

  it('neither shows a viewer the rules area nor lets a viewer open the editor', async () => {
    await page.goto(served.signIn.viewer!);
    await page.getByRole('menuitem', { name: '总览' }).waitFor();
    await page.goto(draftUrl);
    await page.getByTestId('api-error').first().waitFor();
    expect(await page.getByTestId('api-error').first().innerText()).toContain('无权');
    expect(await page.getByRole('menuitem', { name: '规则' }).count()).toBe(0);
    expect(await page.locator('[data-testid=rule-editor], [data-testid=draft-review]').count()).toBe(0);
  });
});
