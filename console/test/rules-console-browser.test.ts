import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, serveConsole, seriousViolations, type ServedConsole } from './console-fixture.js';

/**
 * Rule authoring in Chromium, on the sample county: a policy officer changes the 2018 exit line
 * in the form and reads what the gate and the impact preview say.
 */
let served: ServedConsole;
let page: Page;

beforeAll(async () => {
  served = await serveConsole('tuopin-rules-console-');
  page = served.page;
}, 600_000);

afterAll(async () => {
  await served?.close();
}, 120_000);

const exitLine2018 = () => page.locator('[data-path="parameters.exitLine.byYear.2018"] input');

describe('rule authoring in the console', () => {
  it('shows a policy officer each standard with the version in force, and opens a draft as the form beside its JSON', async () => {
    await page.goto(served.signIn['policy-staff']!);
    await page.getByRole('menuitem', { name: '规则' }).click();
    await page.locator('[data-testid=rule-sets] tbody tr').first().waitFor();
    expect(await page.locator('[data-version="household-exit@1"]').innerText()).toContain('现行');
    await page.getByTestId('new-draft-household-exit').click();
    await exitLine2018().waitFor();
    expect(await exitLine2018().inputValue()).toBe('3535');
    // A fresh draft has no change note: the gate's schema step says so at the field.
    await page.locator('[data-path="changeNote"] [data-testid=field-problems]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'rules-editor.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the form and the JSON in step, and shows a problem of the JSON at its field with a jump from the list', async () => {
    await page.getByTestId('change-note').fill('2018 年退出线由 3535 元提高到 4200 元');
    await exitLine2018().fill('4200');
    const json = page.getByTestId('rule-json');
    await expect.poll(() => json.inputValue()).toContain('"2018": 4200');
    const text = await json.inputValue();
    await json.fill(text.replace('"operator": "greaterThan"', '"operator": "greaterThen"'));
    const problem = page.locator('[data-path="items.0.conditions.operator"] [data-testid=field-problems]');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('greaterThen');
    await page.locator('[data-problem-path="items.0.conditions.operator"] [data-testid=jump]').click();
    await json.fill(text);
    await problem.waitFor({ state: 'detached' });
    expect(await exitLine2018().inputValue()).toBe('4200');
  });

  it('neither shows a viewer the rules area nor lets a viewer open the editor', async () => {
    await page.goto(served.signIn.viewer!);
    await page.getByRole('menuitem', { name: '总览' }).waitFor();
    await page.goto(`${served.base}/rules/household-exit`);
    await page.getByTestId('api-error').waitFor();
    expect(await page.getByTestId('api-error').innerText()).toContain('无权');
    expect(await page.getByRole('menuitem', { name: '规则' }).count()).toBe(0);
    expect(await page.locator('[data-testid=rule-editor]').count()).toBe(0);
  });
});
