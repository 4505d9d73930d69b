import { writeFile } from 'node:fs/promises';
import { message } from '../../i18n/messages.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { createDraft } from '../../use-cases/rule-drafts/create-draft.js';
import { loadDraft } from '../../use-cases/rule-drafts/draft-lifecycle.js';
import { LANG_OPTION, langOption } from '../options/run-options.js';
import { parseOptions, printHelp, required, UsageError } from '../options/command-line.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import { cliActor, draftText, repositoryCases } from './draft-text.js';
import { type RulesIo, withRuleStores } from './rules-io.js';
import { onePositional, versionOption } from './rules-options.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `tuopin rules draft ID --author NAME`: a new draft from the version in force (its cases carried over), another draft, or an earlier version. */
export async function rulesDraftCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    { author: { type: 'string' }, note: { type: 'string' }, 'from-draft': { type: 'string' }, 'rollback-to': { type: 'string' }, out: { type: 'string' }, 'cases-out': { type: 'string' }, ...LANG_OPTION, ...STORE_OPTIONS },
    true,
  );
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.draft', io.out);
  const id = onePositional(positionals, 'usage.oneId');
  if (!isStandardId(id)) throw new UsageError('usage.noStandard', { id: JSON.stringify(id) });
  const author = required(values, 'author');
  const rollbackTo = versionOption(values['rollback-to'], 'rollback-to');
  return withRuleStores(io, values, async ({ stores }) => {
    const draft = await createDraft(cliActor(stores, io, {}, author), {
      ruleSetId: id,
      fromDraft: values['from-draft'],
      rollbackTo,
      note: values.note,
      casesOfVersion: repositoryCases(io),
    });
    io.out(draftText(lang, draft));
    if (values.out) {
      await writeFile(values.out, json(draft.ruleSet));
      io.out(`${message(lang, 'draft.wrote', { file: values.out, id, draftId: draft.draftId })}\n`);
    }
    if (values['cases-out'] && draft.cases) {
      await writeFile(values['cases-out'], json(draft.cases));
      io.out(`${message(lang, 'draft.wroteCases', { file: values['cases-out'] })}\n`);
    }
    io.out(`${message(lang, 'draft.next', { id, draftId: draft.draftId })}\n`);
    return 0;
  });
}

/** `tuopin rules drafts ID [DRAFT]`: a standard's drafts with their steps, or one draft. */
export async function rulesDraftsCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { json: { type: 'boolean', default: false }, ...LANG_OPTION, ...STORE_OPTIONS }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.drafts', io.out);
  const [id, draftId, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new UsageError('usage.oneId', { got: '' });
  if (!isStandardId(id)) throw new UsageError('usage.noStandard', { id: JSON.stringify(id) });
  return withRuleStores(io, values, async ({ stores }) => {
    const drafts = draftId === undefined ? await stores.drafts.list(id) : [await loadDraft({ stores }, id, draftId)];
    if (values.json) io.out(json(draftId === undefined ? drafts : drafts[0]));
    else if (drafts.length === 0) io.out(`${message(lang, 'draft.none', { id })}\n`);
    else io.out(drafts.map((draft) => draftText(lang, draft)).join('\n'));
    return 0;
  });
}
