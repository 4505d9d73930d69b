import { templateWorkbook } from '../../adapters/file/template-workbook.js';
import { message } from '../../i18n/messages.js';
import { parseOptions, printHelp, required, UsageError } from '../options/command-line.js';
import { LANG_OPTION, langOption } from '../options/run-options.js';

/** `tuopin template`: writes the clerk's workbook (see `templateWorkbook`). */
export async function templateCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { out: { type: 'string' }, ...LANG_OPTION });
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.template');
  const out = required(values, 'out');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('usage.xlsxOut', { value: JSON.stringify(out) });
  await templateWorkbook().xlsx.writeFile(out);
  process.stdout.write(`${message(lang, 'run.templateWritten', { out })}\n`);
  return 0;
}
