import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { GenerateOptionsError } from './generate-options-error.js';
import { writeProvince } from './generate-province.js';
import type { Profile, ProvinceOptions } from './province-options.js';

const usage = `Usage: node --import tsx bench/generate.ts --seed <int> --households <int> --out <dir> [options]

Writes a deterministic synthetic dataset (counties, townships, villages, units, households,
card-history .jsonl, in the shapes of docs/data-contract.md). Same seed and options give identical files.

Options:
  --seed <int>         PRNG seed (required)
  --households <int>   exact number of households (required)
  --out <dir>          output folder, created if missing (required)
  --quarter <YYYYQn>   assessment quarter; card history covers earlier quarters (default 2018Q4)
  --counties <int>     number of counties (default: derived from the size)
  --profile <name>     province (default) or sample (one western county tuned to cover every outcome)
  -h, --help           show this help`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new GenerateOptionsError(`--${name} must be an integer, got "${value}"`);
  return Number(value);
}

/** Turns command-line arguments into generator options and an output folder; throws on misuse. */
export function parseGenerateArgs(argv: string[]): { help: true } | { help: false; options: ProvinceOptions; out: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        households: { type: 'string' },
        out: { type: 'string' },
        quarter: { type: 'string' },
        counties: { type: 'string' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new GenerateOptionsError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  const seed = integer('seed', values.seed);
  const households = integer('households', values.households);
  if (seed === undefined || households === undefined || values.out === undefined) {
    throw new GenerateOptionsError('--seed, --households and --out are required (see --help)');
  }
  if (values.profile !== undefined && values.profile !== 'province' && values.profile !== 'sample') {
    throw new GenerateOptionsError(`--profile must be province or sample, got "${values.profile}"`);
  }
  const options: ProvinceOptions = { seed, households, profile: (values.profile ?? 'province') as Profile };
  const counties = integer('counties', values.counties);
  if (counties !== undefined) options.counties = counties;
  if (values.quarter !== undefined) options.quarter = values.quarter;
  return { help: false, options, out: values.out };
}

/** The command: 0 on success, 2 on a usage error (one line on stderr). */
export async function runGenerate(argv: string[]): Promise<number> {
  try {
    const parsed = parseGenerateArgs(argv);
    if (parsed.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const started = performance.now();
    const { counts } = await writeProvince(parsed.options, parsed.out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const [file, count] of Object.entries(counts)) process.stderr.write(`${file.padEnd(20)} ${count}\n`);
    process.stderr.write(`wrote ${parsed.out} in ${seconds} s\n`);
    return 0;
  } catch (error) {
    if (error instanceof GenerateOptionsError) {
      process.stderr.write(`generate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runGenerate(process.argv.slice(2));
}
