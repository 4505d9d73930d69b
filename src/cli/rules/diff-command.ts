import { message } from '../../i18n/messages.js';
import { langOption } from '../options/run-options.js';
import { EVALUATORS } from '../../engine/evaluators.js';
import { unreadableDraft } from '../../use-cases/rule-publishing/gate-report.js';
import { diffRuleSets, type RuleSetDiff } from '../../use-cases/rule-publishing/rule-set-diff.js';
import { previewQuarter, runPublishGate } from '../../use-cases/rule-publishing/run-publish-gate.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import { printHelp, parseOptions } from '../options/command-line.js';
import { gateSetting, publishedVersions } from './gate-setting.js';
import { readJsonFile, type RulesIo, withRuleStores } from './rules-io.js';
import { onePositional, PREVIEW_OPTIONS, previewProgress } from './rules-options.js';
import { diffText, gateReportText } from './gate-report-text.js';
import { lastDayOfQuarter } from '../../kernel/quarter.js';
import { selectVersionInForce } from '../../engine/load-rule-set.js';

/** `tuopin rules diff FILE`: gate steps a → b → d, and the rule-set diff. */
export async function rulesDiffCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { ...PREVIEW_OPTIONS, ...STORE_OPTIONS }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.diff', io.out);
  const file = onePositional(positionals, 'usage.oneFile');
  const read = await readJsonFile(file);
  return withRuleStores(io, values, async ({ stores }) => {
    if (!read.ok) {
      io.out(gateReportText(lang, unreadableDraft(read.message), file));
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
      if (diff) io.out(diffText(lang, diff, gate.ruleSet!.id));
      else if (gate.ruleSet) io.out(`${message(lang, 'gate.noComparison', { id: gate.ruleSet.id })}\n`);
      io.out(gateReportText(lang, gate.report, `\n${message(lang, 'gate.diffTitle', { file })}`));
    }
    return gate.report.ok ? 0 : 1;
  });
}
