import { isStandardId } from '../../standards/standard-ids.js';
import { casesOf } from '../../use-cases/rule-publishing/published-with-cases.js';
import { STORE_HELP, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, UsageError } from '../options/command-line.js';
import { inForceOn, today } from './list-command.js';
import { type RulesIo, withRuleStores } from './rules-io.js';
import { onePositional } from './rules-options.js';

export const RULES_HISTORY_HELP = `Usage: tuopin rules history ID [options]

Every published version of a standard, oldest first: when it takes effect, who published it
and when, their note, the version's change note, its content hash and its scenario cases.

Options:
${STORE_HELP}
  -h, --help        this text`;

/** `tuopin rules history ID`. */
export async function rulesHistoryCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { ...STORE_OPTIONS }, true);
  if (values.help) {
    io.out(`${RULES_HISTORY_HELP}\n`);
    return 0;
  }
  const id = onePositional(positionals, 'rule-set id');
  if (!isStandardId(id)) throw new UsageError(`no standard is called ${JSON.stringify(id)}`);
  return withRuleStores(io, values, async ({ stores }) => {
    const versions = await stores.ruleSets.listVersions(id);
    if (versions.length === 0) {
      io.out(`${id}: no version is published in this store\n`);
      return 0;
    }
    const asOf = today(io);
    const current = inForceOn(versions, asOf);
    const lines = [`${id}: ${versions.length} version${versions.length === 1 ? '' : 's'}`];
    for (const entry of versions) {
      const { ruleSet } = entry;
      const cases = casesOf(entry);
      lines.push(
        '',
        `v${ruleSet.version}  in force from ${ruleSet.effectiveFrom}${ruleSet.version === current ? `  ← in force today (${asOf})` : ''}`,
        `  published ${entry.publishedAt} by ${entry.author}: ${entry.note}`,
        `  change note: ${ruleSet.changeNote}`,
        `  sha256 ${entry.contentHash}`,
        `  scenario cases: ${cases ? cases.cases.length : 'none stored'}`,
      );
    }
    io.out(`${lines.join('\n')}\n`);
    return 0;
  });
}
