import { message } from '../../i18n/messages.js';
import { langOption } from '../options/run-options.js';
import { unreadableDraft } from '../../use-cases/rule-publishing/gate-report.js';
import { publishInOneStep } from '../../use-cases/rule-drafts/self-publish.js';
import { SELF_APPROVAL_OPTION, STORE_OPTIONS } from '../wiring/open-stores.js';
import { printHelp, parseOptions, required } from '../options/command-line.js';
import { draftCases } from './gate-setting.js';
import { cliActor } from './draft-text.js';
import { readJsonFile, type RulesIo, withRuleStores } from './rules-io.js';
import { GATE_OPTIONS, onePositional } from './rules-options.js';
import { gateReportText, publishOutcomeJson, publishOutcomeText } from './gate-report-text.js';

/**
 * `tuopin rules publish FILE`: the one-step publication, which only a store that allows
 * self-approval accepts (`--allow-self-approval`); it is then a draft created, submitted and
 * approved by the author, recorded as self-approved. Elsewhere: draft, submit, approve.
 */
export async function rulesPublishCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { author: { type: 'string' }, note: { type: 'string' }, 'accept-impact': { type: 'boolean', default: false }, ...GATE_OPTIONS, ...SELF_APPROVAL_OPTION, ...STORE_OPTIONS }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.publish', io.out);
  const file = onePositional(positionals, 'usage.oneFile');
  const author = required(values, 'author');
  const note = required(values, 'note');
  const read = await readJsonFile(file);
  if (!read.ok) {
    io.out(`${gateReportText(lang, unreadableDraft(read.message), file)}\n${message(lang, 'gate.notJson')}\n`);
    return 1;
  }
  const cases = await draftCases(io, values.cases, read.value);
  return withRuleStores(io, values, async ({ stores }) => {
    const outcome = await publishInOneStep(cliActor(stores, io, values, author), { kind: 'publish', document: read.value, cases, note, acceptImpact: values['accept-impact'] === true });
    io.out(values.json ? publishOutcomeJson(outcome) : publishOutcomeText(lang, outcome, message(lang, 'gate.title', { file, id: outcome.report.ruleSetId ?? '?', version: outcome.report.version ?? '?' })));
    return outcome.status === 'published' ? 0 : 1;
  });
}
