import { countOf, message } from '../../i18n/messages.js';
import { LANG_OPTION, langOption } from '../options/run-options.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import { printHelp, parseOptions, UsageError } from '../options/command-line.js';
import { inForceOn, today } from './list-command.js';
import { type RulesIo, withRuleStores } from './rules-io.js';
import { onePositional } from './rules-options.js';
import { casesOf } from '../../use-cases/rule-publishing/published-entry.js';

/** `tuopin rules history ID`. */
export async function rulesHistoryCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { ...STORE_OPTIONS, ...LANG_OPTION }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.history', io.out);
  const id = onePositional(positionals, 'usage.oneId');
  if (!isStandardId(id)) throw new UsageError('usage.noStandard', { id: JSON.stringify(id) });
  return withRuleStores(io, values, async ({ stores }) => {
    const versions = await stores.ruleSets.listVersions(id);
    if (versions.length === 0) {
      io.out(`${message(lang, 'rules.noVersion', { id })}\n`);
      return 0;
    }
    const asOf = today(io);
    const current = inForceOn(versions, asOf);
    const lines = [message(lang, 'rules.historyTitle', { id, versions: countOf(lang, 'version', versions.length) })];
    for (const entry of versions) {
      const { ruleSet } = entry;
      const cases = casesOf(entry);
      const today = ruleSet.version === current ? message(lang, 'rules.historyToday', { date: asOf }) : '';
      lines.push(
        '',
        message(lang, 'rules.historyVersion', { version: ruleSet.version, from: ruleSet.effectiveFrom, today }),
        message(lang, 'rules.historyPublished', { at: entry.publishedAt, author: entry.author, note: entry.note }),
        message(lang, 'rules.historyChangeNote', { note: ruleSet.changeNote }),
        message(lang, 'rules.historyHash', { hash: entry.contentHash }),
        message(lang, 'rules.historyCases', { cases: cases ? cases.cases.length : message(lang, 'rules.noCasesStored') }),
      );
    }
    io.out(`${lines.join('\n')}\n`);
    return 0;
  });
}
