import { readFileSync } from 'node:fs';
import { TuopinError } from '../kernel/errors.js';
import { message, type Lang } from '../i18n/messages.js';
import { commandLang, helpText, unknownCommand, UsageError } from './options/command-line.js';
import { errorText } from './options/error-text.js';

// Each command's modules load only when it runs: `tuopin --help` or `tuopin rules list` does
// not pay for the AWS SDK, the HTTP handlers or json-rules-engine.
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  score: async (argv) => (await import('./commands/score-command.js')).scoreCommand(argv),
  import: async (argv) => (await import('./commands/import-command.js')).importCommand(argv),
  nightly: async (argv) => (await import('./commands/nightly-command.js')).nightlyCommand(argv),
  export: async (argv) => (await import('./commands/export-command.js')).exportCommand(argv),
  rules: async (argv) => (await import('./rules/rules-command.js')).rulesCommand(argv),
  serve: async (argv) => (await import('./serve/serve-command.js')).serveCommand(argv),
  demo: async (argv) => (await import('./commands/sample-commands.js')).demoCommand(argv),
  template: async (argv) => (await import('./commands/sample-commands.js')).templateCommand(argv),
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

/** The `tuopin` command: returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const lang: Lang = commandLang(argv);
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(`${helpText(lang, 'help.main')}\n`);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v' || name === 'version') {
      process.stdout.write(`${message(lang, 'cli.version', { version: version() })}\n`);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw unknownCommand(name, Object.keys(COMMANDS));
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${message(lang, 'cli.line', { text: error.text(lang) })}\n`);
      return 2;
    }
    if (error instanceof TuopinError) {
      process.stderr.write(`${message(lang, 'cli.error', { code: error.code, text: errorText(lang, error) })}\n`);
      return 1;
    }
    throw error;
  }
}
