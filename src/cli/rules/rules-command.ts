import { rulesCasesCommand } from './cases-command.js';
import { rulesDiffCommand } from './diff-command.js';
import { rulesDraftCommand, rulesDraftsCommand } from './draft-command.js';
import { rulesApproveCommand, rulesRejectCommand, rulesSaveCommand, rulesSubmitCommand, rulesWithdrawCommand } from './draft-steps-command.js';
import { rulesHistoryCommand } from './history-command.js';
import { defaultRulesIo, type RulesIo } from './rules-io.js';
import { rulesListCommand } from './list-command.js';
import { rulesPublishCommand } from './publish-command.js';
import { rulesRollbackCommand } from './rollback-command.js';
import { rulesShowCommand } from './show-command.js';
import { rulesTestCommand } from './test-command.js';
import { rulesValidateCommand } from './validate-command.js';
import { commandLang, helpText, unknownCommand } from '../options/command-line.js';

const COMMANDS: Record<string, (argv: string[], io: RulesIo) => Promise<number>> = {
  list: rulesListCommand,
  show: rulesShowCommand,
  validate: rulesValidateCommand,
  test: rulesTestCommand,
  diff: rulesDiffCommand,
  publish: rulesPublishCommand,
  history: rulesHistoryCommand,
  rollback: rulesRollbackCommand,
  draft: rulesDraftCommand,
  drafts: rulesDraftsCommand,
  save: rulesSaveCommand,
  cases: rulesCasesCommand,
  submit: rulesSubmitCommand,
  approve: rulesApproveCommand,
  reject: rulesRejectCommand,
  withdraw: rulesWithdrawCommand,
};

/**
 * `tuopin rules …`: returns the exit status (0 done, 1 refused or invalid); a usage error is
 * thrown as `UsageError` (exit 2 in `main`). `io` is for tests: where to print, the clock, the stores.
 */
export async function rulesCommand(argv: string[], io: RulesIo = defaultRulesIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${helpText(commandLang(argv), 'help.rules')}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) throw unknownCommand(name, Object.keys(COMMANDS), 'usage.unknownRulesCommand');
  return command(rest, io);
}
