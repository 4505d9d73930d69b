import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from '../../../bench/generate.js';
import { GenerateOptionsError } from '../../../bench/generate-options-error.js';

/** Arguments of a valid run; `extra` is appended. */
function args(...extra: string[]): string[] {
  return ['--seed', '7', '--households', '100', '--out', 'bench/data/p100', ...extra];
}

describe('parseGenerateArgs', () => {
  it('reads seed, size, output folder, quarter and profile', () => {
    expect(parseGenerateArgs(args('--quarter', '2018Q3', '--profile', 'sample'))).toEqual({
      help: false,
      out: 'bench/data/p100',
      options: { seed: 7, households: 100, quarter: '2018Q3', profile: 'sample' },
    });
  });

  it('answers --help without requiring the other options', () => {
    expect(parseGenerateArgs(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--seed', '7', '--households', '100']],
    [args('--households', 'many')],
    [args('--profile', 'city')],
    [args('--unknown')],
  ])('rejects %j as a usage error', (argv) => {
    expect(() => parseGenerateArgs(argv)).toThrow(GenerateOptionsError);
  });
});
