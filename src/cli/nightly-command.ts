import { randomUUID } from 'node:crypto';
import { lastDayOfQuarter } from '../engine/quarter.js';
import { createScoringContext } from '../use-cases/scoring-context.js';
import { runNightly } from '../use-cases/run-nightly.js';
import { evaluatorNamed } from './evaluator-option.js';
import { openStores, STORE_HELP, STORE_OPTIONS } from './open-stores.js';
import { parseOptions, quarterOption } from './parse-options.js';
import { progressPrinter } from './progress-printer.js';
import { ruleSetsForRun } from './rule-set-source.js';
import { exitCodeOf, lastLine } from './run-outcome.js';
import { printHelp } from './score-command.js';

export const NIGHTLY_HELP = `Usage: tuopin nightly --quarter 2018Q4 [options]

Runs the nightly pipeline on what the store holds: plan → score villages in batches →
aggregate counties → accountability → run record. Verdicts are written only where they
changed. Prints the run record as JSON, then the outcome on stderr. Rows rejected by the last
import of a county keep the items that need them unknown. Exit status: 0 succeeded, 3
succeeded with rejected rows, 1 failed, 2 usage error.

Options:
  --quarter Q       the quarter of the run
${STORE_HELP}
  --rules DIR       judge with the rule sets of this folder instead of the store's
  --evaluator NAME  compiled (default) or reference
  -h, --help        this text`;

/** `tuopin nightly`. */
export async function nightlyCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { quarter: { type: 'string' }, rules: { type: 'string' }, evaluator: { type: 'string', default: 'compiled' }, ...STORE_OPTIONS });
  if (values.help) return printHelp(NIGHTLY_HELP);
  const quarter = quarterOption(values);
  const evaluator = evaluatorNamed(String(values.evaluator));
  const opened = await openStores(values);
  try {
    const now = () => new Date();
    const ruleSets = await ruleSetsForRun(opened, values.rules, lastDayOfQuarter(quarter), now());
    const run = await runNightly(opened.stores, createScoringContext(ruleSets, quarter, evaluator), { runId: randomUUID(), now, onProgress: progressPrinter() });
    process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
    process.stderr.write(`${lastLine(run.status, run.rejectedRows ?? 0)}\n`);
    return exitCodeOf(run.status);
  } finally {
    await opened.close();
  }
}
