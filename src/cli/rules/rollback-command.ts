import { message } from '../../i18n/messages.js';
import { langOption } from '../options/run-options.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { publishInOneStep } from '../../use-cases/rule-drafts/self-publish.js';
import { SELF_APPROVAL_OPTION, STORE_OPTIONS } from '../wiring/open-stores.js';
import { printHelp, parseOptions, required, UsageError } from '../options/command-line.js';
import { cliActor } from './draft-text.js';
import { readJsonIfPresent, readJsonOrFail, type RulesIo, withRuleStores } from './rules-io.js';
import { defaultCasesFile, onePositional, PREVIEW_OPTIONS, versionOption } from './rules-options.js';
import { publishOutcomeJson, publishOutcomeText } from './gate-report-text.js';
import { casesOf } from '../../use-cases/rule-publishing/published-entry.js';

/** `tuopin rules rollback ID --to N`: in one step where self-approval is allowed, like `publish`; elsewhere `draft ID --rollback-to N`. */
export async function rulesRollbackCommand(argv: string[], io: RulesIo): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    { to: { type: 'string' }, author: { type: 'string' }, note: { type: 'string' }, 'accept-impact': { type: 'boolean', default: false }, cases: { type: 'string' }, ...PREVIEW_OPTIONS, ...SELF_APPROVAL_OPTION, ...STORE_OPTIONS },
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
    const outcome = await publishInOneStep(cliActor(stores, io, values, author), { kind: 'rollback', ruleSetId: id, to, cases, note, acceptImpact: values['accept-impact'] === true });
    io.out(values.json ? publishOutcomeJson(outcome) : publishOutcomeText(lang, outcome, message(lang, 'gate.rollbackTitle', { id, to, version: outcome.report.version ?? '?' })));
    return outcome.status === 'published' ? 0 : 1;
  });
}
