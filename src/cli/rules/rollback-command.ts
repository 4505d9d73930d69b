import { EVALUATORS } from '../../engine/evaluators.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { casesOf } from '../../use-cases/rule-publishing/published-with-cases.js';
import { rollbackRuleSet } from '../../use-cases/rule-publishing/rollback-rule-set.js';
import { STORE_HELP, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, required, UsageError } from '../options/command-line.js';
import { gateSetting } from './gate-setting.js';
import { readJsonIfPresent, readJsonOrFail, type RulesIo, withRuleStores } from './rules-io.js';
import { CASES_HELP, defaultCasesFile, onePositional, PREVIEW_HELP, PREVIEW_OPTIONS, versionOption, previewProgress } from './rules-options.js';
import { publishOutcomeJson, publishOutcomeText } from './gate-report-text.js';

export const RULES_ROLLBACK_HELP = `Usage: tuopin rules rollback ID --to N --author NAME --note TEXT [--accept-impact] [options]

Publishes a new version whose content is version N's (items, parameters, decision, labels),
with the change note "rollback to version N: <note>". It takes effect on the day the latest
version took effect (the latest effectiveFrom of any version) and, as the highest version,
wins that day: from then on it is in force, while earlier days keep their versions — history
is never rewritten. It goes through the whole publish gate, with version N's scenario cases
(stored with it, else --cases, else test/scenarios/<id>/v<N>.cases.json), and needs
--accept-impact when it changes outcomes.

Options:
  --to N            the version whose content comes back
  --author NAME     who rolls back (recorded with the version)
  --note TEXT       why (recorded with the version and in its change note)
  --accept-impact   publish even though outcomes change
${CASES_HELP.replace("the draft's scenario cases", 'scenario cases of version N')}
${PREVIEW_HELP}
${STORE_HELP}
  -h, --help        this text`;

/** `tuopin rules rollback ID --to N`. */
export async function rulesRollbackCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    { to: { type: 'string' }, author: { type: 'string' }, note: { type: 'string' }, 'accept-impact': { type: 'boolean', default: false }, cases: { type: 'string' }, ...PREVIEW_OPTIONS, ...STORE_OPTIONS },
    true,
  );
  if (values.help) {
    io.out(`${RULES_ROLLBACK_HELP}\n`);
    return 0;
  }
  const id = onePositional(positionals, 'rule-set id');
  if (!isStandardId(id)) throw new UsageError(`no standard is called ${JSON.stringify(id)}`);
  const to = versionOption(required(values, 'to'), 'to')!;
  const author = required(values, 'author');
  const note = required(values, 'note');
  return withRuleStores(io, values, async ({ stores }) => {
    const target = await stores.ruleSets.getVersion(id, to);
    // Cases stored with version N come first; a version published before the gate has none.
    const cases =
      values.cases !== undefined
        ? await readJsonOrFail(values.cases)
        : target && casesOf(target)
          ? undefined
          : await readJsonIfPresent(defaultCasesFile(io.repository, id, to));
    const setting = await gateSetting(stores, io, values, target?.ruleSet ?? null);
    const outcome = await rollbackRuleSet(
      stores,
      { ruleSetId: id, to, ...(cases === undefined ? {} : { cases }), ...setting, evaluator: EVALUATORS.compiled, onPreviewProgress: previewProgress(values), author, note, acceptImpact: values['accept-impact'] === true },
      io.now(),
    );
    io.out(values.json ? publishOutcomeJson(outcome) : publishOutcomeText(outcome, `rollback of ${id} to v${to}: v${outcome.report.version ?? '?'}`));
    return outcome.status === 'published' ? 0 : 1;
  });
}
