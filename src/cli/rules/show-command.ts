import { message } from '../../i18n/messages.js';
import { LANG_OPTION, langOption } from '../options/run-options.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import { printHelp, parseOptions, UsageError } from '../options/command-line.js';
import { inForceOn, today } from './list-command.js';
import { type RulesIo, withRuleStores } from './rules-io.js';
import { onePositional, versionOption } from './rules-options.js';

/** `tuopin rules show ID`. */
export async function rulesShowCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { version: { type: 'string' }, ...STORE_OPTIONS, ...LANG_OPTION }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.show', io.out);
  const id = onePositional(positionals, 'usage.oneId');
  if (!isStandardId(id)) throw new UsageError('usage.noStandard', { id: JSON.stringify(id) });
  const asked = versionOption(values.version, 'version');
  return withRuleStores(io, values, async ({ stores }) => {
    const versions = await stores.ruleSets.listVersions(id);
    // Without --version: the version in force today, else (all take effect later) the latest.
    const version = asked ?? inForceOn(versions, today(io)) ?? versions.at(-1)?.ruleSet.version;
    const entry = versions.find((v) => v.ruleSet.version === version);
    if (!entry) {
      io.err(`${version === undefined ? message(lang, 'rules.noVersion', { id }) : message(lang, 'rules.versionMissing', { id, version })}\n`);
      return 1;
    }
    const shown = { id, version: entry.ruleSet.version, from: entry.ruleSet.effectiveFrom, at: entry.publishedAt, author: entry.author, note: entry.note };
    io.err(`${message(lang, 'rules.shown', shown)}\n`);
    io.out(`${JSON.stringify(entry.ruleSet, null, 2)}\n`);
    return 0;
  });
}
