import { isStandardId } from '../../standards/standard-ids.js';
import { STORE_HELP, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, UsageError } from '../options/command-line.js';
import { inForceOn, today } from './list-command.js';
import { type RulesIo, withRuleStores } from './rules-io.js';
import { onePositional, versionOption } from './rules-options.js';

export const RULES_SHOW_HELP = `Usage: tuopin rules show ID [--version N] [options]

Prints a published version as JSON on stdout — the version in force today, or --version N —
ready to be saved as the start of the next draft; who published it and when goes to stderr.

Options:
  --version N       this version instead of the one in force today
${STORE_HELP}
  -h, --help        this text`;

/** `tuopin rules show ID`. */
export async function rulesShowCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { version: { type: 'string' }, ...STORE_OPTIONS }, true);
  if (values.help) {
    io.out(`${RULES_SHOW_HELP}\n`);
    return 0;
  }
  const id = onePositional(positionals, 'rule-set id');
  if (!isStandardId(id)) throw new UsageError(`no standard is called ${JSON.stringify(id)}`);
  const asked = versionOption(values.version, 'version');
  return withRuleStores(io, values, async ({ stores }) => {
    const versions = await stores.ruleSets.listVersions(id);
    // Without --version: the version in force today, else (all take effect later) the latest.
    const version = asked ?? inForceOn(versions, today(io)) ?? versions.at(-1)?.ruleSet.version;
    const entry = versions.find((v) => v.ruleSet.version === version);
    if (!entry) {
      io.err(version === undefined ? `${id}: no version is published in this store\n` : `${id}: version ${version} is not published\n`);
      return 1;
    }
    io.err(`${id} v${entry.ruleSet.version}, in force from ${entry.ruleSet.effectiveFrom}; published ${entry.publishedAt} by ${entry.author}: ${entry.note}\n`);
    io.out(`${JSON.stringify(entry.ruleSet, null, 2)}\n`);
    return 0;
  });
}
