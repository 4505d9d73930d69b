import { message } from '../../i18n/messages.js';
import { LANG_OPTION, langOption } from '../options/run-options.js';
import { join } from 'node:path';
import { readRuleSetFolder } from '../../adapters/file/rule-set-files.js';
import { EVALUATORS } from '../../engine/evaluators.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { companionRuleSets } from '../../use-cases/rule-publishing/companion-rule-sets.js';
import { unreadableDraft, type GateReport } from '../../use-cases/rule-publishing/gate-report.js';
import { runDraftCases } from '../../use-cases/rule-publishing/run-draft-cases.js';
import { createScoringContext } from '../../use-cases/scoring-context.js';
import { printHelp, parseOptions } from '../options/command-line.js';
import { readJsonFile, readJsonIfPresent, readJsonOrFail, type RulesIo } from './rules-io.js';
import { onePositional, yearsOption } from './rules-options.js';
import { gateReportText } from './gate-report-text.js';
import { validateDraft } from '../../use-cases/rule-publishing/check-draft.js';

/** `tuopin rules validate FILE`: steps a and b of the publish gate, no store needed. */
export async function rulesValidateCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { years: { type: 'string' }, cases: { type: 'string' }, json: { type: 'boolean', default: false }, ...LANG_OPTION }, true);
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.validate', io.out);
  const file = onePositional(positionals, 'usage.oneFile');
  const years = yearsOption(values.years);
  const read = await readJsonFile(file);
  const validated = read.ok ? validateDraft(read.value, years) : { report: unreadableDraft(read.message), ruleSet: null };
  const neighbour = /\.json$/.test(file) ? file.replace(/\.json$/, '.cases.json') : null;
  const cases = values.cases !== undefined ? await readJsonOrFail(values.cases) : validated.ruleSet && neighbour ? await readJsonIfPresent(neighbour) : null;
  const report = validated.report.ok && validated.ruleSet && cases !== null && cases !== undefined
    ? await withCases(validated.report, validated.ruleSet, cases, io)
    : validated.report;
  if (values.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const title = report.ruleSetId === null ? file : message(lang, 'gate.title', { file, id: report.ruleSetId, version: report.version ?? '?' });
    io.out(`${gateReportText(lang, report, title)}${message(lang, report.ok ? 'gate.valid' : 'gate.invalid')}\n`);
  }
  return report.ok ? 0 : 1;
}

/** Step c of the gate on a draft whose cases travel with it, the repository's rule sets beside it. */
async function withCases(report: GateReport, draft: RuleSet, cases: unknown, io: RulesIo): Promise<GateReport> {
  const reviewed = await readRuleSetFolder(join(io.repository, 'rules'));
  const result = await runDraftCases(draft, cases, (year) => createScoringContext(companionRuleSets([], reviewed, `${year}-12-31`, draft), `${year}Q4`, EVALUATORS.compiled));
  return { ...report, ok: report.ok && result.step.ok, steps: [...report.steps, result.step] };
}
