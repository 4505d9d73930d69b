import { writeFile } from 'node:fs/promises';
import { message } from '../../i18n/messages.js';
import { selectVersionInForce } from '../../engine/load-rule-set.js';
import { RuleSetNotFoundError } from '../../engine/errors.js';
import { carriedCases } from '../../use-cases/rule-drafts/create-draft.js';
import { confirmCases, runCarriedCases, type CarriedCasesRun } from '../../use-cases/rule-drafts/carried-cases.js';
import { confirmDraftCases, loadOverview, runDraftCarriedCases } from '../../use-cases/rule-drafts/draft-lifecycle.js';
import { casesOf } from '../../use-cases/rule-publishing/published-entry.js';
import { LANG_OPTION, langOption } from '../options/run-options.js';
import { parseOptions, printHelp, required, UsageError } from '../options/command-line.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import type { Stores } from '../../ports/stores.js';
import { asObject, casesText, cliActor, confirmOption, draftRef, repositoryCases } from './draft-text.js';
import { publishedVersions } from './gate-setting.js';
import { readJsonOrFail, type RulesIo, withRuleStores } from './rules-io.js';

const OPTIONS = {
  author: { type: 'string' },
  confirm: { type: 'string', multiple: true },
  'confirm-all': { type: 'boolean' },
  'from-in-force': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  ...LANG_OPTION,
  ...STORE_OPTIONS,
} as const;

/**
 * `tuopin rules cases`: the carried cases side by side, with the version in force and with the
 * draft, and the confirmations that make the draft's results their expectations — of a stored
 * draft (`ID DRAFT`), or of a draft file (`--from-in-force DRAFT.json --out CASES.json`), so a
 * terminal user gets the cases the gate asks for without writing them.
 */
export async function rulesCasesCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, OPTIONS, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.cases', io.out);
  const confirm = confirmOption(values);
  const print = (run: CarriedCasesRun, version: unknown) => io.out(values.json ? `${JSON.stringify(run, null, 2)}\n` : casesText(lang, run, version));

  if (values['from-in-force'] !== undefined) {
    if (positionals.length > 0 || values.out === undefined) throw new UsageError('usage.casesMode');
    const file = values['from-in-force'];
    const draft = asObject(await readJsonOrFail(file), file);
    return withRuleStores(io, values, async ({ stores }) => {
      const cases = await inForceCases(stores, io, String(draft.id), Number(draft.version));
      if (cases === null) {
        io.out(`${message(lang, 'cases.noneInForce', { id: String(draft.id) })}\n`);
        return 1;
      }
      const setting = await cliActor(stores, io, {}, '').settingFor(draft);
      const { run, verdicts } = await runCarriedCases({ ruleSet: draft, cases, published: await publishedVersions(stores), reviewed: setting.reviewed, evaluator: setting.evaluator });
      print(run, draft.version);
      const confirmed = confirm === undefined ? { cases, confirmed: [] } : confirmCases(cases, run, confirm, verdicts);
      if (confirmed.confirmed.length > 0) io.out(`${message(lang, 'cases.confirmed', { count: confirmed.confirmed.length, names: confirmed.confirmed.join(', ') })}\n`);
      await writeFile(values.out!, `${JSON.stringify(confirmed.cases, null, 2)}\n`);
      io.out(`${message(lang, 'cases.wrote', { file: values.out!, ruleSetId: String(draft.id), version: String(draft.version) })}\n`);
      return 0;
    });
  }

  const { ruleSetId, draftId } = draftRef(positionals);
  return withRuleStores(io, values, async ({ stores }) => {
    const version = (await loadOverview({ stores }, ruleSetId, draftId)).ruleSet.version;
    if (confirm === undefined) {
      const run = await runDraftCarriedCases(cliActor(stores, io, {}, ''), ruleSetId, draftId);
      print(run, version);
      if (!values.json && run.failing > 0) io.out(`${message(lang, 'cases.confirmHint')}\n`);
      return 0;
    }
    const actor = cliActor(stores, io, {}, required(values, 'author'));
    const { confirmed } = await confirmDraftCases(actor, ruleSetId, draftId, confirm);
    io.out(`${message(lang, 'cases.confirmed', { count: confirmed.length, names: confirmed.join(', ') })}\n`);
    print(await runDraftCarriedCases(actor, ruleSetId, draftId), version);
    return 0;
  });
}

/** The scenario cases of the version in force today, relabelled for the draft's version: stored with it, else the repository's. */
async function inForceCases(stores: Stores, io: RulesIo, id: string, version: number): Promise<Record<string, unknown> | null> {
  const entries = await stores.ruleSets.listVersions(id);
  if (entries.length === 0) throw new RuleSetNotFoundError(id, 'no version is published');
  const today = io.now().toISOString().slice(0, 10);
  const inForce = selectVersionInForce(entries.map((e) => e.ruleSet), today);
  const entry = entries.find((e) => e.ruleSet.version === inForce.version)!;
  return carriedCases(casesOf(entry) ?? (await repositoryCases(io)(id, inForce.version)), id, version);
}
