import { join } from 'node:path';
import { readRuleSetFolder } from '../../adapters/file/rule-set-files.js';
import { EVALUATORS } from '../../engine/evaluators.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { companionRuleSets } from '../../use-cases/rule-publishing/companion-rule-sets.js';
import { unreadableDraft, type GateReport } from '../../use-cases/rule-publishing/gate-report.js';
import { runDraftCases } from '../../use-cases/rule-publishing/run-draft-cases.js';
import { createScoringContext } from '../../use-cases/scoring-context.js';
import { validateDraft } from '../../use-cases/rule-publishing/validate-draft.js';
import { parseOptions } from '../options/command-line.js';
import { readJsonFile, readJsonIfPresent, readJsonOrFail, type RulesIo } from './rules-io.js';
import { onePositional, yearsOption } from './rules-options.js';
import { gateReportText } from './gate-report-text.js';

export const RULES_VALIDATE_HELP = `Usage: tuopin rules validate FILE [--years 2018,2019] [--cases FILE] [--json]

Checks a rule-set file with no store: the schema (every problem named by its JSON path, like
items.2.conditions.all.0.operator), then the static checks — every fact in the standard's
facts catalogue with a type its operator compares, every parameter defined, every label in zh
and en, every year table covering the draft's effectiveFrom year and the --years given — then,
when scenario cases travel with it (--cases, or FILE's neighbour NAME.cases.json), every case,
judged with the draft beside the repository's other rule sets.

Options:
  --years LIST      assessment years every year table must cover, like 2018,2019
  --cases FILE      the draft's scenario cases (default: NAME.cases.json beside FILE, if any)
  --json            print the report as JSON
  -h, --help        this text

Exit status: 0 when the file is valid, 1 when it is not, 2 for a usage error.`;

/** `tuopin rules validate FILE`: steps a and b of the publish gate, no store needed. */
export async function rulesValidateCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(argv, { years: { type: 'string' }, cases: { type: 'string' }, json: { type: 'boolean', default: false } }, true);
  if (values.help) {
    io.out(`${RULES_VALIDATE_HELP}\n`);
    return 0;
  }
  const file = onePositional(positionals, 'rule-set file');
  const years = yearsOption(values.years);
  const read = await readJsonFile(file);
  const validated = read.ok ? validateDraft(read.value, years) : { report: unreadableDraft(read.message), ruleSet: null };
  const neighbour = /\.json$/.test(file) ? file.replace(/\.json$/, '.cases.json') : null;
  const cases = values.cases !== undefined ? await readJsonOrFail(values.cases) : validated.ruleSet && neighbour ? await readJsonIfPresent(neighbour) : null;
  const report = validated.report.ok && validated.ruleSet && cases !== null && cases !== undefined
    ? await withCases(validated.report, validated.ruleSet, cases, io)
    : validated.report;
  if (values.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(`${gateReportText(report, report.ruleSetId === null ? file : `${file}: ${report.ruleSetId} v${report.version}`)}${report.ok ? 'valid' : 'invalid'}\n`);
  return report.ok ? 0 : 1;
}

/** Step c of the gate on a draft whose cases travel with it, the repository's rule sets beside it. */
async function withCases(report: GateReport, draft: RuleSet, cases: unknown, io: RulesIo): Promise<GateReport> {
  const reviewed = await readRuleSetFolder(join(io.repository, 'rules'));
  const result = await runDraftCases(draft, cases, (year) => createScoringContext(companionRuleSets([], reviewed, `${year}-12-31`, draft), `${year}Q4`, EVALUATORS.compiled));
  return { ...report, ok: report.ok && result.step.ok, steps: [...report.steps, result.step] };
}
