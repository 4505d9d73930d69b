import { message, type Lang, type MessageKey } from '../../i18n/messages.js';
import type { DraftOverview } from '../../ports/rule-draft-store.js';
import type { Stores } from '../../ports/stores.js';
import { approveDraft, rejectDraft, saveDraft, submitDraft, withdrawDraft, loadDraft, loadOverview, type DraftGateOutcome } from '../../use-cases/rule-drafts/draft-lifecycle.js';
import { LANG_OPTION, langOption } from '../options/run-options.js';
import { parseOptions, printHelp, required } from '../options/command-line.js';
import { SELF_APPROVAL_OPTION, STORE_OPTIONS } from '../wiring/open-stores.js';
import { asObject, cliActor, draftRef, draftText } from './draft-text.js';
import { gateReportText } from './gate-report-text.js';
import { readJsonOrFail, type RulesIo, withRuleStores } from './rules-io.js';
import { PREVIEW_OPTIONS } from './rules-options.js';


/** `tuopin rules save ID DRAFT FILE [--cases FILE]`: the draft's content and cases, by its author. */
export async function rulesSaveCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { author: { type: 'string' }, note: { type: 'string' }, cases: { type: 'string' }, ...LANG_OPTION, ...STORE_OPTIONS }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.save', io.out);
  const { ruleSetId, draftId, rest } = draftRef(positionals, 1);
  const author = required(values, 'author');
  const file = rest[0]!;
  const ruleSet = asObject(await readJsonOrFail(file), file);
  const cases = values.cases === undefined ? undefined : asObject(await readJsonOrFail(values.cases), values.cases);
  return withRuleStores(io, values, async ({ stores }) => {
    const kept = cases ?? (await loadOverview({ stores }, ruleSetId, draftId)).cases;
    io.out(draftText(lang, await saveDraft(cliActor(stores, io, {}, author), ruleSetId, draftId, { ruleSet, cases: kept }, values.note ?? '')));
    return 0;
  });
}

/** What a gate-running step prints: the report, then what became of the draft. */
function gateOutcomeText(lang: Lang, outcome: DraftGateOutcome, done: MessageKey): string {
  const { draft } = outcome;
  const title = message(lang, 'draft.line', { id: draft.ruleSetId, draftId: draft.draftId, version: String(draft.ruleSet.version ?? '?'), status: message(lang, `draftStatus.${draft.status}`), author: draft.author });
  const report = gateReportText(lang, outcome.report, title);
  const said =
    outcome.status === 'refused'
      ? message(lang, 'draft.refused', { reason: outcome.message })
      : message(lang, done, { id: draft.ruleSetId, draftId: draft.draftId, version: draft.publishedVersion ?? '?' });
  return `${report}\n${said}\n`;
}

type GateStep = (actor: ReturnType<typeof cliActor>, ruleSetId: string, draftId: string, note: string) => Promise<DraftGateOutcome>;

/** `submit` and `approve`: the gate runs, its report is printed; exit 0 when the step was taken. */
async function gateStepCommand(argv: string[], io: RulesIo, help: MessageKey, step: GateStep, done: MessageKey): Promise<number> {
  const { values, positionals } = parseOptions(argv, { author: { type: 'string' }, note: { type: 'string' }, ...PREVIEW_OPTIONS, ...SELF_APPROVAL_OPTION, ...STORE_OPTIONS }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, help, io.out);
  const { ruleSetId, draftId } = draftRef(positionals);
  const author = required(values, 'author');
  return withRuleStores(io, values, async ({ stores }) => {
    const outcome = await step(cliActor(stores, io, values, author), ruleSetId, draftId, values.note ?? '');
    // --json gives the draft with its steps' whole reports, as `rules drafts ID DRAFT --json` does:
    // the step itself answers with summaries, so the draft is read whole here, on purpose.
    if (values.json) io.out(`${JSON.stringify({ ...outcome, draft: await loadDraft({ stores }, ruleSetId, draftId) }, null, 2)}\n`);
    else io.out(gateOutcomeText(lang, outcome, done));
    return outcome.status === 'refused' ? 1 : 0;
  });
}

export const rulesSubmitCommand = (argv: string[], io: RulesIo) => gateStepCommand(argv, io, 'help.rules.submit', submitDraft, 'draft.submitted');
export const rulesApproveCommand = (argv: string[], io: RulesIo) => gateStepCommand(argv, io, 'help.rules.approve', approveDraft, 'draft.approved');

type CloseStep = (actor: ReturnType<typeof cliActor>, ruleSetId: string, draftId: string, note: string) => Promise<DraftOverview>;

/** `reject` and `withdraw`: the draft is closed with a note. */
async function closeCommand(argv: string[], io: RulesIo, help: MessageKey, step: CloseStep, noteRequired: boolean): Promise<number> {
  const { values, positionals } = parseOptions(argv, { author: { type: 'string' }, note: { type: 'string' }, ...LANG_OPTION, ...STORE_OPTIONS }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, help, io.out);
  const { ruleSetId, draftId } = draftRef(positionals);
  const author = required(values, 'author');
  const note = noteRequired ? required(values, 'note') : (values.note ?? '');
  return withRuleStores(io, values, async ({ stores }: { stores: Stores }) => {
    io.out(draftText(lang, await step(cliActor(stores, io, {}, author), ruleSetId, draftId, note)));
    return 0;
  });
}

export const rulesRejectCommand = (argv: string[], io: RulesIo) => closeCommand(argv, io, 'help.rules.reject', rejectDraft, true);
export const rulesWithdrawCommand = (argv: string[], io: RulesIo) => closeCommand(argv, io, 'help.rules.withdraw', withdrawDraft, false);
