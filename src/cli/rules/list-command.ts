import { selectVersionInForce } from '../../engine/select-version.js';
import type { PublishedRuleSet } from '../../ports/rule-set-store.js';
import { STANDARD_IDS } from '../../standards/standard-ids.js';
import { STORE_HELP, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions } from '../options/command-line.js';
import { type RulesIo, withRuleStores } from './rules-io.js';

export const RULES_LIST_HELP = `Usage: tuopin rules list [options]

Lists the versions of each standard the store holds, oldest first, with the version in force
today marked "*". The store's versions are the ones runs use; a store with none says so.

Options:
${STORE_HELP}
  -h, --help        this text`;

/** Today in the CLI's clock, as the as-of date of "in force". */
export function today(io: RulesIo): string {
  return io.now().toISOString().slice(0, 10);
}

/** The version in force on a day among published ones, or null (none yet, or none at all). */
export function inForceOn(versions: readonly PublishedRuleSet[], asOf: string): number | null {
  const candidates = versions.map((v) => v.ruleSet).filter((r) => r.effectiveFrom <= asOf);
  return candidates.length > 0 ? selectVersionInForce(candidates, asOf).version : null;
}

/** `tuopin rules list`. */
export async function rulesListCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values } = parseOptions(argv, { ...STORE_OPTIONS });
  if (values.help) {
    io.out(`${RULES_LIST_HELP}\n`);
    return 0;
  }
  return withRuleStores(io, values, async ({ stores, location }) => {
    const asOf = today(io);
    const all = await Promise.all(STANDARD_IDS.map(async (id) => ({ id, versions: await stores.ruleSets.listVersions(id) })));
    if (all.every((s) => s.versions.length === 0)) {
      io.out(
        `the store (${location}) holds no published rule set.\n` +
          `"tuopin score", "nightly" and "demo" publish the reviewed rule sets of rules/ on first use;\n` +
          `"tuopin rules publish FILE" publishes a version 1 into it.\n`,
      );
      return 0;
    }
    const lines: string[] = [];
    for (const { id, versions } of all) {
      lines.push(id);
      if (versions.length === 0) lines.push('    (no version published)');
      const current = inForceOn(versions, asOf);
      for (const { ruleSet, author, publishedAt, note } of versions) {
        const mark = ruleSet.version === current ? '*' : ' ';
        lines.push(`  ${mark} v${ruleSet.version}  from ${ruleSet.effectiveFrom}  published ${publishedAt.slice(0, 10)} by ${author}: ${note}`);
      }
    }
    lines.push('', `* in force today (${asOf})`);
    io.out(`${lines.join('\n')}\n`);
    return 0;
  });
}
