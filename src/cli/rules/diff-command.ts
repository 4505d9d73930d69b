import { EVALUATORS } from '../../engine/evaluators.js';
import { lastDayOfQuarter } from '../../engine/quarter.js';
import { selectVersionInForce } from '../../engine/select-version.js';
import { unreadableDraft } from '../../use-cases/rule-publishing/gate-report.js';
import { diffRuleSets, type RuleSetDiff } from '../../use-cases/rule-publishing/rule-set-diff.js';
import { previewQuarter, runPublishGate } from '../../use-cases/rule-publishing/run-publish-gate.js';
import { STORE_HELP, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions } from '../options/command-line.js';
import { gateSetting, publishedVersions } from './gate-setting.js';
import { readJsonFile, type RulesIo, withRuleStores } from './rules-io.js';
import { onePositional, PREVIEW_HELP, PREVIEW_OPTIONS, previewProgress } from './rules-options.js';
import { diffText, gateReportText } from './gate-report-text.js';

export const RULES_DIFF_HELP = `Usage: tuopin rules diff FILE [options]

What publishing a draft would change, without publishing it: the draft against the version in
force on the last day of the preview quarter, parameter by parameter and item by item, then
the impact preview — every county, village and household the store holds judged with both,
counting the outcomes that change, by county, with examples. The schema and static checks run
first (scenario cases: see "tuopin rules test").

Options:
${PREVIEW_HELP}
${STORE_HELP}
  -h, --help        this text

Exit status: 0 when the draft could be previewed (whether or not outcomes change), 1 when it
fails a check, 2 for a usage error.`;

/** `tuopin rules diff FILE`: gate steps a → b → d, and the rule-set diff. */
export async function rulesDiffCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { ...PREVIEW_OPTIONS, ...STORE_OPTIONS }, true);
  if (values.help) {
    io.out(`${RULES_DIFF_HELP}\n`);
    return 0;
  }
  const file = onePositional(positionals, 'rule-set file');
  const read = await readJsonFile(file);
  return withRuleStores(io, values, async ({ stores }) => {
    if (!read.ok) {
      io.out(gateReportText(unreadableDraft(read.message), file));
      return 1;
    }
    const setting = await gateSetting(stores, io, values, read.value);
    const gate = await runPublishGate(stores, { document: read.value, cases: null, ...setting, evaluator: EVALUATORS.compiled, onPreviewProgress: previewProgress(values), runCases: false });
    let diff: RuleSetDiff | null = null;
    if (gate.ruleSet) {
      const published = await publishedVersions(stores);
      const asOf = lastDayOfQuarter(await previewQuarter(stores.runs, published, gate.ruleSet, setting.quarter));
      const inForce = published.filter((v) => v.id === gate.ruleSet!.id && v.effectiveFrom <= asOf);
      if (inForce.length > 0) diff = diffRuleSets(selectVersionInForce(inForce, asOf), gate.ruleSet);
    }
    if (values.json) io.out(`${JSON.stringify({ diff, report: gate.report }, null, 2)}\n`);
    else {
      if (diff) io.out(diffText(diff, gate.ruleSet!.id));
      else if (gate.ruleSet) io.out(`${gate.ruleSet.id}: no published version to compare with\n`);
      io.out(gateReportText(gate.report, `\n${file}: gate`));
    }
    return gate.report.ok ? 0 : 1;
  });
}
