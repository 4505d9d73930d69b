import { message } from '../../i18n/messages.js';
import { LANG_OPTION, langOption } from '../options/run-options.js';
import { STANDARD_IDS } from '../../standards/standard-ids.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import { printHelp, parseOptions } from '../options/command-line.js';
import { type RulesIo, withRuleStores } from './rules-io.js';
import { selectVersionInForce } from '../../engine/load-rule-set.js';
import { type PublishedRuleSet } from '../../ports/stores.js';

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
  const { values } = parseOptions(argv, { ...STORE_OPTIONS, ...LANG_OPTION });
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.list', io.out);
  return withRuleStores(io, values, async ({ stores, location }) => {
    const asOf = today(io);
    const all = await Promise.all(STANDARD_IDS.map(async (id) => ({ id, versions: await stores.ruleSets.listVersions(id) })));
    if (all.every((s) => s.versions.length === 0)) {
      io.out(`${message(lang, 'rules.storeEmpty', { store: location })}
`);
      return 0;
    }
    const lines: string[] = [];
    for (const { id, versions } of all) {
      lines.push(id);
      if (versions.length === 0) lines.push(message(lang, 'rules.noVersionListed'));
      const current = inForceOn(versions, asOf);
      for (const { ruleSet, author, publishedAt, note } of versions) {
        const mark = ruleSet.version === current ? '*' : ' ';
        lines.push(message(lang, 'rules.listRow', { mark, version: ruleSet.version, from: ruleSet.effectiveFrom, date: publishedAt.slice(0, 10), author, note }));
      }
    }
    lines.push('', message(lang, 'rules.inForceToday', { date: asOf }));
    io.out(`${lines.join('\n')}\n`);
    return 0;
  });
}
