import { fileURLToPath } from 'node:url';
import { message } from '../../i18n/messages.js';
import { parseOptions, printHelp, required, UsageError } from '../options/command-line.js';
import { LANG_OPTION, langOption, PROGRESS_OPTION } from '../options/run-options.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';

/*
 * Where a new user starts: the demo scores the sample county, the template is the workbook a
 * clerk fills in for their own. Each loads its heavy modules only when it runs.
 */

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
  const { scoreCommand } = await import('./score-command.js');
  // Like every run kept in a store, it ends with where the console shows it.
  return scoreCommand(['--data', SAMPLE, '--quarter', quarter, '--out', String(values.out), ...passed]);
}

/** `tuopin template`: writes the clerk's workbook (see `templateWorkbook`). */
export async function templateCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { out: { type: 'string' }, ...LANG_OPTION });
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.template');
  const out = required(values, 'out');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('usage.xlsxOut', { value: JSON.stringify(out) });
  const { templateWorkbook } = await import('../../adapters/file/template-workbook.js');
  await templateWorkbook().xlsx.writeFile(out);
  process.stdout.write(`${message(lang, 'run.templateWritten', { out })}\n`);
  return 0;
}
