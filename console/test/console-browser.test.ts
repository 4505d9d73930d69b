import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, QUARTER, ROOT, serveConsole, seriousViolations as violationsOn, type ServedConsole } from './console-fixture.js';

/**
 * The console in a real browser (Debian's Chromium driven by playwright-core), on the sample
 * county scored into a fresh embedded store: what a leader sees must be what the run wrote.
 */
const jsonLines = async <T>(path: string): Promise<T[]> => (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);

let served: ServedConsole;
let work: string;
let context: BrowserContext;
let page: Page;
let base: string;
let signIn: Record<string, string>;

beforeAll(async () => {
  served = await serveConsole('tuopin-console-');
  ({ work, context, page, base, signIn } = served);
}, 600_000);

afterAll(async () => {
  await served?.close();
}, 120_000);

const seriousViolations = () => violationsOn(page);

const texts = (selector: string) => page.locator(selector).allInnerTexts();

describe('the console in Chromium', () => {
  it("signs in through the one-time URL and shows the run's failing villages, red flags, yellow cards and both lists", async () => {
    await page.goto(signIn.viewer!);
    expect(new URL(page.url()).pathname).toBe('/');
    const [county] = await jsonLines<{ countyId: string }>(join(ROOT, 'data/sample-county/counties.jsonl'));
    await page.goto(`${base}/?county=${county!.countyId}&quarter=${QUARTER}`);
    await page.locator('[data-testid=resignation-list]').waitFor();
    await page.locator('[data-chart=bars] canvas').first().waitFor();
    await page.locator('[data-chart=heatmap] canvas').first().waitFor();

    const out = join(work, 'out');
    const villages = new Map((await jsonLines<{ villageId: string; name: string }>(join(ROOT, 'data/sample-county/villages.jsonl'))).map((v) => [v.villageId, v.name]));
    const verdicts = await jsonLines<{ ruleSetId: string; subjectId: string; outcome: string }>(join(out, 'verdicts.jsonl'));
    const failing = verdicts.filter((v) => v.ruleSetId === 'village-exit' && v.outcome === 'fail').map((v) => villages.get(v.subjectId));
    const shownFailing = await page.locator('[data-testid=villages] tbody tr:has([data-outcome=fail]) td:first-child').allInnerTexts();
    expect(failing.length).toBeGreaterThan(0);
    expect(shownFailing.sort()).toEqual(failing.sort());
    const rows = await page.locator('[data-testid=villages] tbody tr td:nth-child(3)').allInnerTexts();
    expect(rows.slice(0, failing.length).every((text) => text.includes('未达到'))).toBe(true);

    const names = new Map<string, string>();
    for (const t of await jsonLines<{ townshipId: string; name: string }>(join(ROOT, 'data/sample-county/townships.jsonl'))) names.set(`township#${t.townshipId}`, t.name);
    for (const u of await jsonLines<{ unitId: string; name: string }>(join(ROOT, 'data/sample-county/units.jsonl'))) names.set(`assisting-unit#${u.unitId}`, u.name);
    const scores = await jsonLines<{ unitType: string; unitId: string; card: string | null }>(join(out, 'scores.jsonl'));
    const carded = (card: string) => scores.filter((s) => s.card === card).map((s) => names.get(`${s.unitType}#${s.unitId}`)!);
    const none = (list: string[]) => (list.length ? list : ['无']);
    expect((await texts('[data-testid=red-flags] li')).sort()).toEqual(none(carded('red-flag')).sort());
    expect((await texts('[data-testid=yellow-cards] li')).sort()).toEqual(none(carded('yellow-card')).sort());
    const lists = await jsonLines<{ list: string; unitName: string; official: { name: string } }>(join(out, 'accountability.jsonl'));
    const listed = (list: string) => lists.filter((row) => row.list === list).map((row) => `${row.unitName}: ${row.official.name}`);
    expect(listed('interview').length + listed('resignation').length).toBeGreaterThan(0);
    expect((await texts('[data-testid=interview-list] li')).sort()).toEqual(none(listed('interview')).sort());
    expect((await texts('[data-testid=resignation-list] li')).sort()).toEqual(none(listed('resignation')).sort());

    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });
    expect(await seriousViolations()).toEqual([]);
  });

  it("shows the Alkire–Foster figures that verdicts.jsonl gives, the trend chart, and downloads the county's workbook", async () => {
    // The measures, counted here from the run's output file alone (docs/standards.md, "Deprivation profile"):
    // seven items of weight 1, k = 1; a household with an unknown item is left out.
    const items = ['income', 'education', 'medical', 'housing', 'water', 'electricity', 'radio-tv'];
    const verdicts = await jsonLines<{ ruleSetId: string; subjectId: string; outcome: string; outcomeLabel: { zh: string }; items: { id: string; outcome: string }[] }>(join(work, 'out', 'verdicts.jsonl'));
    let counted = 0;
    let unknown = 0;
    const poorShares: number[] = [];
    const poorFailing = new Map<string, number>();
    for (const verdict of verdicts.filter((v) => v.ruleSetId === 'household-exit')) {
      const outcomes = new Map(verdict.items.map((item) => [item.id, item.outcome]));
      if (items.some((id) => outcomes.get(id) !== 'pass' && outcomes.get(id) !== 'fail')) {
        unknown += 1;
        continue;
      }
      counted += 1;
      const failing = items.filter((id) => outcomes.get(id) === 'fail');
      if (failing.length === 0) continue;
      poorShares.push(failing.length / items.length);
      for (const id of failing) poorFailing.set(id, (poorFailing.get(id) ?? 0) + 1);
    }
    const sum = poorShares.reduce((a, b) => a + b, 0);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const value = async (id: string) => (await page.locator(`[data-testid=${id}] .ant-statistic-content-value`).innerText()).replace(/,/g, '');
    await page.locator('[data-testid=af-headcount]').waitFor();
    expect(counted).toBeGreaterThan(0);
    expect(await value('af-counted')).toBe(String(counted));
    expect(await value('af-unknown')).toBe(String(unknown));
    expect(await value('af-poor')).toBe(String(poorShares.length));
    expect(await value('af-headcount')).toBe(pct(poorShares.length / counted));
    expect(await value('af-intensity')).toBe(pct(sum / poorShares.length));
    expect(await value('af-m0')).toBe((sum / counted).toFixed(3));
    // M0 by item: each item's share of the poor households' failing items.
    const contributions = await page.locator('[data-testid=af-items] tbody tr td:nth-child(4)').allInnerTexts();
    expect(contributions).toEqual(items.map((id) => pct((poorFailing.get(id) ?? 0) / (sum * items.length))));

    await page.locator('[data-chart=lines] canvas').first().waitFor();
    expect(await page.locator('[data-testid=trend-rows] tbody tr td:first-child').allInnerTexts()).toEqual([QUARTER]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=report-download]').first().click()]);
    const [county] = await jsonLines<{ countyId: string; name: string }>(join(ROOT, 'data/sample-county/counties.jsonl'));
    // Fetched through the transport (signed on AWS) and saved from a Blob, not a plain link.
    expect(download.url()).toMatch(/^blob:/);
    expect(download.suggestedFilename()).toBe(`${county!.name}${QUARTER}评估报告.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const listed: { villageId: string; outcome: string }[] = [];
    workbook.getWorksheet('贫困村')!.eachRow((row, index) => {
      if (index > 1) listed.push({ villageId: String(row.getCell(3).value), outcome: String(row.getCell(5).value) });
    });
    const failingVillages = verdicts.filter((v) => v.ruleSetId === 'village-exit' && v.outcome === 'fail');
    expect(failingVillages.length).toBeGreaterThan(0);
    const failLabel = failingVillages[0]!.outcomeLabel.zh;
    expect(listed.filter((row) => row.outcome === failLabel).map((row) => row.villageId).sort()).toEqual(failingVillages.map((v) => v.subjectId).sort());
  });

  it("opens a village and one household's explanation", async () => {
    await page.locator('[data-testid=villages] tbody tr:has([data-outcome=fail]) td:first-child a').first().click();
    await page.locator('[data-testid=households] tbody tr').first().waitFor();
    // The head's name column (户主姓名), as the data contract asks wherever households are listed.
    expect(await page.locator('[data-testid=households] thead').innerText()).toContain('户主姓名');
    await page.locator('[data-testid=households] .ant-table-row-expand-icon').first().click();
    const explanation = page.locator('[data-testid=explanation]').first();
    await explanation.waitFor();
    expect(await explanation.innerText()).toContain('实际值');
    await page.screenshot({ path: join(ARTIFACTS, 'village.png'), fullPage: true });
    expect(await seriousViolations()).toEqual([]);
  });

  it('switches to English, and shows accountability and runs', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('menuitem', { name: 'Accountability' }).click();
    await page.locator('[data-testid=scores] tbody tr').first().waitFor();
    expect(await page.locator('header').innerText()).toContain('Overview');
    await page.screenshot({ path: join(ARTIFACTS, 'accountability.png'), fullPage: true });
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('menuitem', { name: 'Runs' }).click();
    await page.locator('[data-testid=runs] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid=runs]').innerText()).toContain('succeeded');
    await page.screenshot({ path: join(ARTIFACTS, 'runs.png'), fullPage: true });
  });

  it('is refused an administration route by the API when signed in as a viewer', async () => {
    const status = await page.evaluate(async () => (await fetch('/rule-sets')).status);
    expect(status).toBe(403);
  });

  it('signs out: the session ends, its cookie is gone, the API no longer answers it and the sign-in hint shows', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signed-out').waitFor();
    expect(await page.getByTestId('signed-out').innerText()).toContain('tuopin serve');
    expect((await context.cookies(base)).map((cookie) => cookie.name)).not.toContain('tuopin_session');
    const status = await page.evaluate(async () => (await fetch('/counties')).status);
    expect(status).toBe(403);
  });
});
