import { message } from '../../i18n/messages.js';
import { langOption } from '../options/run-options.js';
import { EVALUATORS } from '../../engine/evaluators.js';
import { unreadableDraft } from '../../use-cases/rule-publishing/gate-report.js';
import { publishRuleSet } from '../../use-cases/rule-publishing/publish-rule-set.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import { printHelp, parseOptions, required } from '../options/command-line.js';
import { draftCases, gateSetting } from './gate-setting.js';
import { readJsonFile, type RulesIo, withRuleStores } from './rules-io.js';
import { GATE_OPTIONS, onePositional, previewProgress } from './rules-options.js';
import { gateReportText, publishOutcomeJson, publishOutcomeText } from './gate-report-text.js';

/** `tuopin rules publish FILE`. */
export async function rulesPublishCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { author: { type: 'string' }, note: { type: 'string' }, 'accept-impact': { type: 'boolean', default: false }, ...GATE_OPTIONS, ...STORE_OPTIONS }, true);
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
    const setting = await gateSetting(stores, io, values, read.value);
    const outcome = await publishRuleSet(
      stores,
      { document: read.value, cases, ...setting, evaluator: EVALUATORS.compiled, onPreviewProgress: previewProgress(values), author, note, acceptImpact: values['accept-impact'] === true },
      io.now(),
    );
    io.out(values.json ? publishOutcomeJson(outcome) : publishOutcomeText(lang, outcome, message(lang, 'gate.title', { file, id: outcome.report.ruleSetId ?? '?', version: outcome.report.version ?? '?' })));
    return outcome.status === 'published' ? 0 : 1;
  });
}
