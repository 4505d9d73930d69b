import { message } from '../../i18n/messages.js';
import { langOption } from '../options/run-options.js';
import { EVALUATORS } from '../../engine/evaluators.js';
import { unreadableDraft } from '../../use-cases/rule-publishing/gate-report.js';
import { runPublishGate } from '../../use-cases/rule-publishing/run-publish-gate.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import { printHelp, parseOptions } from '../options/command-line.js';
import { draftCases, gateSetting } from './gate-setting.js';
import { readJsonFile, type RulesIo, withRuleStores } from './rules-io.js';
import { GATE_OPTIONS, onePositional } from './rules-options.js';
import { gateReportText } from './gate-report-text.js';

/** `tuopin rules test FILE`: gate steps a → b → c. */
export async function rulesTestCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { ...GATE_OPTIONS, ...STORE_OPTIONS }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.test', io.out);
  const file = onePositional(positionals, 'usage.oneFile');
  const read = await readJsonFile(file);
  const cases = read.ok ? await draftCases(io, values.cases, read.value) : null;
  return withRuleStores(io, values, async ({ stores }) => {
    const gate = read.ok
      ? await runPublishGate(stores, { document: read.value, cases, ...(await gateSetting(stores, io, values, read.value)), evaluator: EVALUATORS.compiled, runPreview: false })
      : { report: unreadableDraft(read.message), caseResults: [] };
    const { report } = gate;
    if (values.json) io.out(`${JSON.stringify({ report, cases: gate.caseResults.map((r) => ({ name: r.name, passed: r.passed, differences: r.differences })) }, null, 2)}\n`);
    else {
      io.out(gateReportText(lang, report, report.ruleSetId === null ? file : message(lang, 'gate.title', { file, id: report.ruleSetId, version: report.version ?? '?' })));
      for (const result of gate.caseResults) io.out(`    ${message(lang, result.passed ? 'gate.ok' : 'gate.fail')}  ${result.name}\n`);
      io.out(`${message(lang, report.ok ? 'gate.passed' : 'gate.failed')}\n`);
    }
    return report.ok ? 0 : 1;
  });
}
