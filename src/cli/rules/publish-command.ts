import { EVALUATORS } from '../../engine/evaluators.js';
import { unreadableDraft } from '../../use-cases/rule-publishing/gate-report.js';
import { publishRuleSet } from '../../use-cases/rule-publishing/publish-rule-set.js';
import { STORE_HELP, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, required } from '../options/command-line.js';
import { draftCases, gateSetting } from './gate-setting.js';
import { readJsonFile, type RulesIo, withRuleStores } from './rules-io.js';
import { GATE_HELP, GATE_OPTIONS, onePositional, previewProgress } from './rules-options.js';
import { gateReportText, publishOutcomeJson, publishOutcomeText } from './gate-report-text.js';

export const RULES_PUBLISH_HELP = `Usage: tuopin rules publish FILE --author NAME --note TEXT [--accept-impact] [options]

Publishes a rule-set version through the gate: schema → next version (latest + 1, no gaps) →
static checks → the draft's scenario cases → impact preview. A failing step refuses the draft.
A draft that changes any outcome in the preview is refused unless --accept-impact. The version
is stored with its author, note, time, content hash and scenario cases; the next evaluation
uses it, with no code change and no deployment. Version 1 of a standard may be published into
an empty store.

Options:
  --author NAME     who publishes (recorded with the version)
  --note TEXT       why (recorded with the version)
  --accept-impact   publish even though outcomes change (see the preview)
${GATE_HELP}
${STORE_HELP}
  -h, --help        this text

Exit status: 0 when published, 1 when refused (or another publisher took the version), 2 for
a usage error.`;

/** `tuopin rules publish FILE`. */
export async function rulesPublishCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { author: { type: 'string' }, note: { type: 'string' }, 'accept-impact': { type: 'boolean', default: false }, ...GATE_OPTIONS, ...STORE_OPTIONS }, true);
  if (values.help) {
    io.out(`${RULES_PUBLISH_HELP}\n`);
    return 0;
  }
  const file = onePositional(positionals, 'rule-set file');
  const author = required(values, 'author');
  const note = required(values, 'note');
  const read = await readJsonFile(file);
  if (!read.ok) {
    io.out(`${gateReportText(unreadableDraft(read.message), file)}\nrefused: the draft is not JSON\n`);
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
    io.out(values.json ? publishOutcomeJson(outcome) : publishOutcomeText(outcome, `${file}: ${outcome.report.ruleSetId ?? '?'} v${outcome.report.version ?? '?'}`));
    return outcome.status === 'published' ? 0 : 1;
  });
}
