import { rulesDiffCommand } from './diff-command.js';
import { rulesHistoryCommand } from './history-command.js';
import { defaultRulesIo, type RulesIo } from './rules-io.js';
import { rulesListCommand } from './list-command.js';
import { rulesPublishCommand } from './publish-command.js';
import { rulesRollbackCommand } from './rollback-command.js';
import { rulesShowCommand } from './show-command.js';
import { rulesTestCommand } from './test-command.js';
import { rulesValidateCommand } from './validate-command.js';
import { UsageError } from '../options/command-line.js';

export const RULES_HELP = `Usage: tuopin rules <command> [options]

Rule-set versions: the standards as policy staff publish them. A published version is used by
the next evaluation with no code change and no deployment; a bad one never reaches a verdict,
because every version goes through the publish gate (schema → next version → static checks →
its scenario cases → impact preview).

Commands:
  list                           each standard's versions, the one in force today marked
  show ID [--version N]          a version as JSON (the one in force today by default)
  validate FILE                  schema and static checks of a file, no store needed
  test FILE [--cases FILE]       the draft's scenario cases, as the gate runs them
  diff FILE                      the draft against the version in force, and the impact preview
  publish FILE --author NAME --note TEXT [--accept-impact]
                                 publish through the gate
  history ID                     every version with its provenance
  rollback ID --to N --author NAME --note TEXT [--accept-impact]
                                 publish version N's content as the next version

Store options (--db DIR, --endpoint URL, --store memory) as for the other commands.
Run "tuopin rules <command> --help" for a command's options.`;

const COMMANDS: Record<string, (argv: string[], io: RulesIo) => Promise<number>> = {
  list: rulesListCommand,
  show: rulesShowCommand,
  validate: rulesValidateCommand,
  test: rulesTestCommand,
  diff: rulesDiffCommand,
  publish: rulesPublishCommand,
  history: rulesHistoryCommand,
  rollback: rulesRollbackCommand,
};

/**
 * `tuopin rules …`: returns the exit status (0 done, 1 refused or invalid); a usage error is
 * thrown as `UsageError` (exit 2 in `main`). `io` is for tests: where to print, the clock, the stores.
 */
export async function rulesCommand(argv: string[], io: RulesIo = defaultRulesIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${RULES_HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown rules command ${JSON.stringify(name)}; run "tuopin rules --help"`);
  return command(rest, io);
}
