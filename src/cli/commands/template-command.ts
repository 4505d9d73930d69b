import { templateWorkbook } from '../../adapters/file/template-workbook.js';
import { parseOptions, printHelp, required, UsageError } from '../options/command-line.js';

export const TEMPLATE_HELP = `Usage: tuopin template --out FILE.xlsx

Writes the workbook a county clerk fills in: a sheet per kind (县, 乡镇, 帮扶单位, 村, 农户,
考核记录) with the zh header and the English name in each header cell, drop-down lists for
every code and 是/否 column, the data dictionary's example row, and a 说明 sheet explaining
every column. Put the filled-in workbook alone in a folder and score it with --data.

Options:
  --out FILE.xlsx   where to write the workbook
  -h, --help        this text`;

/** `tuopin template`: writes the clerk's workbook (see `templateWorkbook`). */
export async function templateCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { out: { type: 'string' } });
  if (values.help) return printHelp(TEMPLATE_HELP);
  const out = required(values, 'out');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out must name an .xlsx file, got ${JSON.stringify(out)}`);
  await templateWorkbook().xlsx.writeFile(out);
  process.stdout.write(`wrote ${out} / 已写出 ${out}\n`);
  return 0;
}
