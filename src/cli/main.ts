import { readFileSync } from 'node:fs';
import { TuopinError } from '../engine/errors.js';
import { nearestName } from '../kernel/nearest-name.js';
import { UsageError } from './options/command-line.js';

const HELP = `Usage: tuopin <command> [options]

Commands:
  score     import a dataset, run the nightly pipeline on it and write the output files
  import    load a dataset folder into the store
  nightly   run the nightly pipeline on what the store holds
  export    write the quarter's stored verdicts, scores and lists as output files
  rules     list, show, validate, test, diff, publish, history and roll back rule-set versions
  serve     the evaluation API on 127.0.0.1 (same handlers as the Lambdas)
  demo      the nightly scoring of the sample county on the embedded store
  template  write the .xlsx workbook a county clerk fills in
Run "tuopin <command> --help" for a command's options; "tuopin --version" prints the version.`;

// Each command's modules load only when it runs: `tuopin --help` or `tuopin rules list` does
// not pay for the AWS SDK, the HTTP handlers or json-rules-engine.
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  score: async (argv) => (await import('./commands/score-command.js')).scoreCommand(argv),
  import: async (argv) => (await import('./commands/import-command.js')).importCommand(argv),
  nightly: async (argv) => (await import('./commands/nightly-command.js')).nightlyCommand(argv),
  export: async (argv) => (await import('./commands/export-command.js')).exportCommand(argv),
  rules: async (argv) => (await import('./rules/rules-command.js')).rulesCommand(argv),
  serve: async (argv) => (await import('./serve/serve-command.js')).serveCommand(argv),
  demo: async (argv) => (await import('./commands/demo-command.js')).demoCommand(argv),
  template: async (argv) => (await import('./commands/template-command.js')).templateCommand(argv),
};

/** The package's version, read from package.json beside the sources (or the built files). */
function version(): string {
  for (const path of ['../../package.json', '../../../package.json']) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'tuopin' && parsed.version) return parsed.version;
    } catch {
      // not at this depth: the built layout sits one folder deeper than the sources
    }
  }
  return 'unknown';
}

function unknownCommand(name: string): UsageError {
  const suggestion = nearestName(name, Object.keys(COMMANDS));
  const hint = suggestion === null ? '' : ` (did you mean "${suggestion}"?)`;
  return new UsageError(`unknown command ${JSON.stringify(name)}${hint}; run "tuopin --help"`);
}

/** The `tuopin` command: returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(`${HELP}\n`);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v' || name === 'version') {
      process.stdout.write(`tuopin ${version()}\n`);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw unknownCommand(name);
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
