import { TuopinError } from '../engine/errors.js';
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

// Each command's modules load only when it runs: `tuopin --help` or `tuopin rules list` does
// not pay for the AWS SDK, the HTTP handlers or json-rules-engine.
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  score: async (argv) => (await import('./score-command.js')).scoreCommand(argv),
  import: async (argv) => (await import('./import-command.js')).importCommand(argv),
  nightly: async (argv) => (await import('./nightly-command.js')).nightlyCommand(argv),
  export: async (argv) => (await import('./export-command.js')).exportCommand(argv),
  rules: async (argv) => (await import('./rules-command.js')).rulesCommand(argv),
  serve: async (argv) => (await import('./serve-command.js')).serveCommand(argv),
  demo: async (argv) => (await import('./demo-command.js')).demoCommand(argv),
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
