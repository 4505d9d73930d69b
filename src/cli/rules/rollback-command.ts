import { message } from '../../i18n/messages.js';
import { langOption } from '../options/run-options.js';
import { EVALUATORS } from '../../engine/evaluators.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { rollbackRuleSet } from '../../use-cases/rule-publishing/rollback-rule-set.js';
import { STORE_OPTIONS } from '../wiring/open-stores.js';
import { printHelp, parseOptions, required, UsageError } from '../options/command-line.js';
import { gateSetting } from './gate-setting.js';
import { readJsonIfPresent, readJsonOrFail, type RulesIo, withRuleStores } from './rules-io.js';
import { defaultCasesFile, onePositional, PREVIEW_OPTIONS, versionOption, previewProgress } from './rules-options.js';
import { publishOutcomeJson, publishOutcomeText } from './gate-report-text.js';
import { casesOf } from '../../use-cases/rule-publishing/published-entry.js';

/** `tuopin rules rollback ID --to N`. */
export async function rulesRollbackCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    { to: { type: 'string' }, author: { type: 'string' }, note: { type: 'string' }, 'accept-impact': { type: 'boolean', default: false }, cases: { type: 'string' }, ...PREVIEW_OPTIONS, ...STORE_OPTIONS },
    true,
  );
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.rules.rollback', io.out);
  const id = onePositional(positionals, 'usage.oneId');
  if (!isStandardId(id)) throw new UsageError('usage.noStandard', { id: JSON.stringify(id) });
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
    io.out(values.json ? publishOutcomeJson(outcome) : publishOutcomeText(lang, outcome, message(lang, 'gate.rollbackTitle', { id, to, version: outcome.report.version ?? '?' })));
    return outcome.status === 'published' ? 0 : 1;
  });
}
