import { EVALUATORS } from '../../engine/evaluators.js';
import { unreadableDraft } from '../../use-cases/rule-publishing/gate-report.js';
import { runPublishGate } from '../../use-cases/rule-publishing/run-publish-gate.js';
import { STORE_HELP, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions } from '../options/command-line.js';
import { draftCases, gateSetting } from './gate-setting.js';
import { readJsonFile, type RulesIo, withRuleStores } from './rules-io.js';
import { GATE_HELP, GATE_OPTIONS, onePositional } from './rules-options.js';
import { gateReportText } from './gate-report-text.js';

export const RULES_TEST_HELP = `Usage: tuopin rules test FILE [--cases FILE] [options]

Runs a draft's own scenario cases, after the schema and static checks, exactly as the publish
gate does: each case judged with the draft in place of the version in force (the other
standards as the store holds them). Nothing is published.

Options:
${GATE_HELP}
${STORE_HELP}
  -h, --help        this text

Exit status: 0 when every step passes, 1 otherwise, 2 for a usage error.`;

/** `tuopin rules test FILE`: gate steps a → b → c. */
export async function rulesTestCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { ...GATE_OPTIONS, ...STORE_OPTIONS }, true);
  if (values.help) {
    io.out(`${RULES_TEST_HELP}\n`);
    return 0;
  }
  const file = onePositional(positionals, 'rule-set file');
  const read = await readJsonFile(file);
  const cases = read.ok ? await draftCases(io, values.cases, read.value) : null;
  return withRuleStores(io, values, async ({ stores }) => {
    const gate = read.ok
      ? await runPublishGate(stores, { document: read.value, cases, ...(await gateSetting(stores, io, values, read.value)), evaluator: EVALUATORS.compiled, runPreview: false })
      : { report: unreadableDraft(read.message), caseResults: [] };
    const { report } = gate;
    if (values.json) io.out(`${JSON.stringify({ report, cases: gate.caseResults.map((r) => ({ name: r.name, passed: r.passed, differences: r.differences })) }, null, 2)}\n`);
    else {
      io.out(gateReportText(report, report.ruleSetId === null ? file : `${file}: ${report.ruleSetId} v${report.version}`));
      for (const result of gate.caseResults) io.out(`    ${result.passed ? 'ok  ' : 'FAIL'}  ${result.name}\n`);
      io.out(report.ok ? 'passed\n' : 'failed\n');
    }
    return report.ok ? 0 : 1;
  });
}
