import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function tuopin(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/tuopin.mjs'), ...args], { cwd: root, encoding: 'utf8' });
}

/** The command under a locale (LC_ALL and LC_MESSAGES cleared, so LANG decides). */
function tuopinIn(locale: string, ...args: string[]) {
  const env = { ...process.env, LANG: locale, LC_ALL: '', LC_MESSAGES: '' };
  return spawnSync(process.execPath, [join(root, 'bin/tuopin.mjs'), ...args], { cwd: root, encoding: 'utf8', env });
}

describe('the tuopin command', () => {
  it('prints the package version with --version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const run = tuopin('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`tuopin ${version}`);
  });

  it('names the command a typo was meant to be, in one usage line', () => {
    const run = tuopin('socre', '--data', 'x');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('tuopin: unknown command "socre" (did you mean "score"?); run "tuopin --help"');
  });

  it('treats inherited object keys as unknown commands, not as commands', () => {
    const run = tuopin('constructor');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "constructor"');
  });

  it('prints its help in Chinese when the locale is zh, and in English with --lang en', () => {
    const zh = tuopinIn('zh_CN.UTF-8', '--help');
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('用法：tuopin <命令> [选项]');
    expect(zh.stdout).toContain('template  写出县里填报员填写的 .xlsx 工作簿');
    expect(tuopinIn('zh_CN.UTF-8', '--help', '--lang', 'en').stdout).toContain('Usage: tuopin <command> [options]');
    const score = tuopinIn('zh_CN.UTF-8', 'score', '--help');
    expect(score.stdout).toContain('用法：tuopin score --data DIR --quarter 2018Q4 --out DIR [选项]');
    expect(score.stdout).toContain('--progress        进度行写到 stderr');
  });

  it('says a usage error and its did-you-mean in Chinese with --lang zh', () => {
    const run = tuopin('socre', '--lang', 'zh');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('tuopin：没有 "socre" 这个命令（是否要用 "score"？）；运行 "tuopin --help" 查看');
    const missing = tuopinIn('zh_CN.UTF-8', 'export', '--out', 'x', '--store', 'memory');
    expect(missing.stderr.trim()).toBe('tuopin：缺少必填选项 --quarter');
  });

  it('prints a typed error by its code, in the language, with its parameters', () => {
    const run = tuopin('import', '--data', 'test/fixtures/no-such-dataset', '--store', 'memory', '--lang', 'zh');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^tuopin：DATASET_FOLDER：数据集文件夹 \S*no-such-dataset：不存在$/);
    const en = tuopin('import', '--data', 'test/fixtures/no-such-dataset', '--store', 'memory', '--lang', 'en');
    expect(en.stderr.trim()).toMatch(/^tuopin: DATASET_FOLDER: dataset folder \S*no-such-dataset: does not exist$/);
  });
});

