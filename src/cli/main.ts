import { TuopinError } from '../engine/errors.js';
import { demoCommand } from './demo-command.js';
import { exportCommand } from './export-command.js';
import { importCommand } from './import-command.js';
import { nightlyCommand } from './nightly-command.js';
import { rulesCommand } from './rules-command.js';
import { scoreCommand } from './score-command.js';
import { serveCommand } from './serve-command.js';
import { UsageError } from './usage-error.js';

const HELP = `Usage: tuopin <command> [options]

Commands:
  score     import a dataset, run the nightly pipeline on it and write the output files
  import    load a dataset folder into the store
  nightly   run the nightly pipeline on what the store holds
  export    write the quarter's stored verdicts, scores and lists as output files
  rules     list, show, validate, test, diff, publish, history and roll back rule-set versions
  serve     the evaluation API on 127.0.0.1 (same handlers as the Lambdas)
  demo      the nightly scoring of the sample county on the embedded store
Run "tuopin <command> --help" for a command's options.`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  score: scoreCommand,
  import: importCommand,
  nightly: nightlyCommand,
  export: exportCommand,
  rules: (argv) => rulesCommand(argv),
  serve: (argv) => serveCommand(argv),
  demo: demoCommand,
};

/** The `tuopin` command: returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(`${HELP}\n`);
      return name === undefined ? 2 : 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}; run "tuopin --help"`);
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tuopin: ${error.message}\n`);
      return 2;
    }
    if (error instanceof TuopinError) {
      process.stderr.write(`tuopin: ${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
