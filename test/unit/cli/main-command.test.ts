import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function tuopin(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/tuopin.mjs'), ...args], { cwd: root, encoding: 'utf8' });
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
});
