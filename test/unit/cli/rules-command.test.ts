import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rulesCommand } from '../../../src/cli/rules/rules-command.js';
import { UsageError } from '../../../src/cli/options/command-line.js';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import type { Stores } from '../../../src/ports/stores.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { storeWithExampleRun } from '../use-cases/rule-publishing/publishing-fixtures.js';
import { capture, REPOSITORY } from '../use-cases/rule-publishing/rules-cli-capture.js';

const DRAFTS = join(REPOSITORY, 'test', 'fixtures', 'drafts');
const V2 = join(DRAFTS, 'household-exit-v2.json');
const V2_CASES = join(DRAFTS, 'household-exit-v2.cases.json');
const dynalite = useDynalite();

/** Runs `tuopin rules …` in process on the given stores; returns the exit status and what it printed. */
async function rules(stores: Stores | undefined, ...argv: string[]) {
  const captured = capture(stores);
  const code = await rulesCommand(argv, captured.io);
  return { code, out: captured.out(), err: captured.err() };
}

describe('tuopin rules: help and usage', () => {
  it.each(['list', 'show', 'validate', 'test', 'diff', 'publish', 'history', 'rollback'])('explains "%s" with --help', async (name) => {
    const { code, out } = await rules(undefined, name, '--help');
    expect(out).toContain(`Usage: tuopin rules ${name}`);
    expect(code).toBe(0);
  });

  it('explains itself in Chinese with --lang zh', async () => {
    expect((await rules(undefined, '--help', '--lang', 'zh')).out).toContain('用法：tuopin rules <命令> [选项]');
    expect((await rules(undefined, 'list', '--help', '--lang', 'zh')).out).toContain('用法：tuopin rules list [选项]');
  });

  it('lists its commands with --help', async () => {
    const { code, out } = await rules(undefined, '--help');
    expect(out).toContain('rollback ID --to N');
    expect(code).toBe(0);
  });

  it('refuses an unknown command, and a publication without an author, as usage errors', async () => {
    await expect(rules(undefined, 'delete', 'household-exit')).rejects.toThrow(UsageError);
    await expect(rules(createMemoryStores(), 'publish', V2, '--note', 'n')).rejects.toThrow('--author is required');
  });

  it('refuses a quarter that is not one', async () => {
    await expect(rules(createMemoryStores(), 'diff', V2, '--quarter', '2018-3')).rejects.toThrow('--quarter must look like 2018Q4');
  });

  it('tests a repository version with the scenario cases found beside it, on a store holding nothing', async () => {
    const { code, out } = await rules(createMemoryStores(), 'test', join(REPOSITORY, 'rules', 'household-exit', 'v1.json'));
    expect(out).toContain('47 of 47 scenario cases pass');
    expect(code).toBe(0);
  });

  it('says so when the store holds no published rule set', async () => {
    const { code, out } = await rules(undefined, 'list', '--store', 'memory');
    expect(out).toContain('holds no published rule set');
    expect(code).toBe(0);
  });
});

describe('tuopin rules on a store holding a 2018Q3 run of the worked example', () => {
  let stores: Stores;

  beforeAll(async () => {
    // A small county's store: one officer publishes alone (the one-step publish is self-approval).
    stores = createMemoryStores({ allowSelfApproval: true });
    await storeWithExampleRun(stores);
  });

  it('diffs a draft against the version in force, parameter by parameter, with the impact preview', async () => {
    const { code, out } = await rules(stores, 'diff', V2);
    expect(out).toContain('exitLine.byYear.2018: 3535 → 4200');
    expect(out).toContain('impact on 2018Q3: household-exit v2 against v1');
    expect(out).toMatch(/household C-\S+ {2}household-exit pass → fail {2}\(income pass → fail\)/);
    expect(code).toBe(0);
  });

  it('reports the gate and the impact preview in Chinese with --lang zh', async () => {
    const { code, out } = await rules(stores, 'diff', V2, '--lang', 'zh');
    expect(out).toContain('household-exit v2 对比 v1');
    expect(out).toMatch(/\n {2}通过 {2}结构 +\S/);
    expect(out).toContain('对 2018Q3 的影响：household-exit v2 对比 v1（2018-09-30 施行的版本）');
    expect(out).toMatch(/ {2}农户 \d+ 个中 \d+ 个 结果改变/);
    expect(out).not.toMatch(/impact on|households \d+ of|ok {4}schema/);
    expect(code).toBe(0);
  });

  it('names the failing scenario case of a draft under test', async () => {
    const { code, out } = await rules(stores, 'test', join(DRAFTS, 'failing-case.json'), '--cases', join(DRAFTS, 'failing-case.cases.json'));
    expect(out).toContain('case "income above the 2019 line passes in 2019": outcome: expected pass, got fail');
    expect(code).toBe(1);
  });

  it('refuses to publish a draft that changes outcomes without --accept-impact, then publishes it with', async () => {
    const refused = await rules(stores, 'publish', V2, '--cases', V2_CASES, '--author', '王芳', '--note', '2018 line 4200');
    expect(refused.out).toContain('refused: the draft changes outcomes');
    expect(refused.out).toContain('run again with --accept-impact');
    // The officer reads the command's own option, never the API's field name.
    expect(refused.out).not.toContain('acceptImpact');
    expect(refused.code).toBe(1);
    const published = await rules(stores, 'publish', V2, '--cases', V2_CASES, '--author', '王芳', '--note', '2018 line 4200', '--accept-impact');
    expect(published.out).toContain('published household-exit v2, in force from 2018-01-01: by 王芳');
    expect(published.code).toBe(0);
  });

  it('lists the versions with the one in force today marked', async () => {
    const { out } = await rules(stores, 'list');
    expect(out).toContain('    v1  from 2014-01-01');
    expect(out).toContain('  * v2  from 2018-01-01  published 2026-03-01 by 王芳: 2018 line 4200');
    expect(out).toContain('* in force today (2026-03-01)');
  });

  it('shows the version in force as JSON, and an earlier one with --version', async () => {
    const current = await rules(stores, 'show', 'household-exit');
    expect((JSON.parse(current.out) as { version: number }).version).toBe(2);
    expect(current.err).toContain('published 2026-03-01T08:00:00.000Z by 王芳');
    const first = await rules(stores, 'show', 'household-exit', '--version', '1');
    expect((JSON.parse(first.out) as { parameters: { exitLine: { byYear: Record<string, number> } } }).parameters.exitLine.byYear['2018']).toBe(3535);
  });

  it('refuses a version that is not the next one', async () => {
    const { code, out } = await rules(stores, 'publish', V2, '--cases', V2_CASES, '--author', '王芳', '--note', 'again', '--accept-impact');
    expect(out).toContain('version 2 of household-exit is already published');
    expect(code).toBe(1);
  });

  it('rolls back to version 1 as version 3, which history then shows', async () => {
    const { code, out } = await rules(stores, 'rollback', 'household-exit', '--to', '1', '--author', '李明', '--note', 'withdrawn', '--accept-impact');
    expect(out).toContain('published household-exit v3, in force from 2018-01-01');
    expect(code).toBe(0);
    const history = await rules(stores, 'history', 'household-exit');
    expect(history.out).toContain('change note: rollback to version 1: withdrawn');
    expect(history.out).toMatch(/v3 {2}in force from 2018-01-01 {2}← in force today/);
    expect(history.out).toContain('scenario cases: 47');
  });
});

describe('tuopin rules on a DynamoDB endpoint', () => {
  it('publishes version 1 into an empty table and lists it', async () => {
    const table = await dynalite.newTable();
    const options = ['--endpoint', dynalite.endpoint, '--table', table];
    const published = await rules(undefined, 'publish', join(REPOSITORY, 'rules', 'accountability', 'v1.json'), '--author', 'tuopin', '--note', 'first', '--allow-self-approval', ...options);
    expect(published.out).toContain('18 of 18 scenario cases pass');
    expect(published.code).toBe(0);
    const { out } = await rules(undefined, 'list', ...options);
    expect(out).toContain('  * v1  from 2014-01-01  published 2026-03-01 by tuopin: first');
    expect(out).toContain('identification\n    (no version published)');
  });
});
