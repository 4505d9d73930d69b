import { fileURLToPath } from 'node:url';
import { LANG_OPTION, langHelp } from '../options/run-options.js';
import { STORE_HELP, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, printHelp } from '../options/command-line.js';
import { scoreCommand } from './score-command.js';

const SAMPLE = fileURLToPath(new URL('../../../data/sample-county', import.meta.url));

export const DEMO_HELP = `Usage: tuopin demo [options]

\`tuopin score\` on the sample county, on the embedded store: imports data/sample-county,
publishes the reviewed rule sets on first run, runs the nightly pipeline for 2018Q4, writes
the output files, report.xlsx and accountability.pdf to .tuopin/demo-out and prints the
readable summary every run ends with.

Options:
  --quarter Q       default 2018Q4
  --out DIR         default .tuopin/demo-out
${STORE_HELP}
${langHelp()}
  -h, --help        this text`;

/** `tuopin demo` (npm run demo): nothing but `tuopin score --data data/sample-county`. */
export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { quarter: { type: 'string', default: '2018Q4' }, out: { type: 'string', default: '.tuopin/demo-out' }, ...STORE_OPTIONS, ...LANG_OPTION });
  if (values.help) return printHelp(DEMO_HELP);
  const passed = (['db', 'endpoint', 'table', 'store', 'lang'] as const).flatMap((name) => (typeof values[name] === 'string' ? [`--${name}`, values[name]] : []));
  const quarter = String(values.quarter);
  // Like every run kept in a store, it ends with where the console shows it.
  return scoreCommand(['--data', SAMPLE, '--quarter', quarter, '--out', String(values.out), ...passed]);
}
