import { fileURLToPath } from 'node:url';
import { LANG_OPTION, langOption, PROGRESS_OPTION } from '../options/run-options.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, printHelp } from '../options/command-line.js';
import { scoreCommand } from './score-command.js';

const SAMPLE = fileURLToPath(new URL('../../../data/sample-county', import.meta.url));

/** `tuopin demo` (npm run demo): nothing but `tuopin score --data data/sample-county`. */
export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { quarter: { type: 'string', default: '2018Q4' }, out: { type: 'string', default: '.tuopin/demo-out' }, ...STORE_OPTIONS, ...LANG_OPTION, ...PROGRESS_OPTION });
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.demo');
  const passed = [
    ...(['db', 'endpoint', 'table', 'store', 'lang'] as const).flatMap((name) => (typeof values[name] === 'string' ? [`--${name}`, values[name]] : [])),
    ...(values.progress === true ? ['--progress'] : []),
  ];
  const quarter = String(values.quarter);
  // Like every run kept in a store, it ends with where the console shows it.
  return scoreCommand(['--data', SAMPLE, '--quarter', quarter, '--out', String(values.out), ...passed]);
}
