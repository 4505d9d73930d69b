import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesCommand } from '../../../src/cli/rules/rules-command.js';
import { capture, REPOSITORY } from '../use-cases/rule-publishing/rules-cli-capture.js';

const RULES = join(REPOSITORY, 'rules');
const DRAFTS = join(REPOSITORY, 'test', 'fixtures', 'drafts');
const ruleFiles = readdirSync(RULES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(join(RULES, entry.name)).filter((f) => /^v\d+\.json$/.test(f)).map((f) => join('rules', entry.name, f)));

async function validate(...args: string[]) {
  const captured = capture();
  const code = await rulesCommand(['validate', ...args], captured.io);
  return { code, out: captured.out() };
}

describe('tuopin rules validate', () => {
  it('has rule files to check', () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(ruleFiles)('exits 0 on %s', async (file) => {
    const { code, out } = await validate(join(REPOSITORY, file));
    expect(out).toMatch(/\nvalid\n$/);
    expect(code).toBe(0);
  });

  it.each([
    ['unknown-fact.json', [], ['items.0.conditions.fact', 'unknown fact "incomePerPerson"']],
    ['misspelled-operator.json', [], ['items.0.conditions.operator', 'unknown operator "greaterThen"']],
    ['missing-zh-label.json', [], ['items.4.label.zh', 'Chinese (zh) text is required']],
    ['missing-year.json', ['--years', '2018'], ['parameters.exitLine.byYear', 'no value for 2018']],
  ])('exits 1 on the broken draft %s, naming the field or fact at fault', async (file, args, named) => {
    const { code, out } = await validate(join(DRAFTS, file), ...args);
    for (const text of named) expect(out).toContain(text);
    expect(out).toMatch(/\ninvalid\n$/);
    expect(code).toBe(1);
  });

  it.each([
    ['unknown-fact.json', [], ['items.0.conditions.fact: 没有事实 "incomePerPerson"；已知的事实：']],
    ['misspelled-operator.json', [], ['items.0.conditions.operator: 没有运算符 "greaterThen"；已知的运算符：']],
    ['missing-zh-label.json', [], ['items.4.label.zh: 缺少中文（zh）文本']],
    ['missing-year.json', ['--years', '2018'], ['parameters.exitLine.byYear: 缺少 2018 年的值']],
    ['failing-case.json', [], ['用例 "income above the 2019 line passes in 2019": 结果：应为 pass，实为 fail']],
  ])('says what is wrong with %s in Chinese under --lang zh', async (file, args, said) => {
    const { code, out } = await validate(join(DRAFTS, file), ...args, '--lang', 'zh');
    for (const text of said) expect(out).toContain(text);
    expect(out.split('\n').slice(1).join('\n')).not.toMatch(/unknown|expected|required|no value|case "/);
    expect(code).toBe(1);
  });

  it('runs the scenario cases that travel with a draft and names the failing case', async () => {
    const { code, out } = await validate(join(DRAFTS, 'failing-case.json'));
    expect(out).toContain('case "income above the 2019 line passes in 2019"');
    expect(out).toMatch(/\ninvalid\n$/);
    expect(code).toBe(1);
    const good = await validate(join(DRAFTS, 'household-exit-v2.json'));
    expect(good.out).toContain('48 of 48 scenario cases pass');
    expect(good.code).toBe(0);
  });

  it('checks a year table against the years given, not against every year there is', async () => {
    expect((await validate(join(DRAFTS, 'missing-year.json'))).code).toBe(0);
  });

  it('prints the report as JSON with --json', async () => {
    const { code, out } = await validate(join(DRAFTS, 'unknown-fact.json'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as { ok: boolean; steps: { step: string; ok: boolean; problems: { path: string; fact: string }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.steps.at(-1)).toMatchObject({ step: 'static', ok: false, problems: [{ path: 'items.0.conditions.fact', fact: 'incomePerPerson' }] });
  });

  it('refuses a file that is not JSON', async () => {
    const { code, out } = await validate(join(DRAFTS, '..', 'example', 'README.md'));
    expect(out).toContain('(file): ');
    expect(code).toBe(1);
  });
});
