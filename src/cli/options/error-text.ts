import { ENCODING_LABELS, type DatasetEncodingError } from '../../records/record-errors.js';
import { isText, MESSAGES, render, type Lang, type MessageKey, type TextParam } from '../../i18n/messages.js';
import type { RuleSetInvalidError } from '../../engine/errors.js';
import type { SchemaProblem } from '../../engine/load-rule-set.js';
import type { RuleSetProblem } from '../../engine/rule-set-problem.js';
import { ruleProblemText, schemaProblemText } from '../../use-cases/rule-publishing/rule-problem-text.js';
import type { TuopinError } from '../../kernel/errors.js';
import type { QuarterInvalidError } from '../../kernel/errors.js';
import { emptyDatasetText, type EmptyDatasetError } from '../../use-cases/use-case-errors.js';

type Derived = Readonly<Record<string, TextParam>> | null;

/** A rule set's problem in `lang`: its English message as the error keeps it, else its catalogue text. */
function problemIn(lang: Lang, problem: RuleSetProblem | SchemaProblem): string {
  if (lang === 'en') return problem.message;
  const text = 'issue' in problem ? schemaProblemText(problem) : ruleProblemText(problem);
  return text === undefined ? problem.message : render(lang, text);
}

/**
 * Parameters of a code's text that the error's fields give only after a little work (an
 * encoding's name, a list of problems, a quoted value). `null` leaves the error to its message:
 * a rule set read from the store says its version, which the catalogue text does not.
 */
const DERIVED: Readonly<Record<string, (error: TuopinError, lang: Lang) => Derived>> = {
  DATASET_ENCODING: (error, lang) => {
    const { encoding, detail } = error as DatasetEncodingError;
    const name = ENCODING_LABELS[encoding];
    return lang === 'en' ? { encoding: name, where: detail } : { encoding: name.replace(' or ', ' 或 '), where: detail.replace(/^byte (\d+)/, '第 $1 字节') };
  },
  DATASET_EMPTY: (error) => emptyDatasetText((error as EmptyDatasetError).rejectedRows).params ?? {},
  RULE_SET_INVALID: (error, lang) => ('version' in error ? null : { problems: (error as RuleSetInvalidError).problems.map((p) => `${p.path}: ${problemIn(lang, p)}`).join(lang === 'en' ? '; ' : '；') }),
  QUARTER_INVALID: (error) => ({ quoted: JSON.stringify((error as QuarterInvalidError).text) }),
};

/**
 * A typed error as a person reads it: its catalogue text by code (`error.<CODE>`), filled from
 * the error's own fields (`dir`, `ruleSetId`…); a field holding a catalogue text (`problemText`)
 * fills its name without `Text` (`problem`) in the same language. The error's message when the
 * catalogue has no text for the code or the fields do not fill it.
 */
export function errorText(lang: Lang, error: TuopinError): string {
  const key = `error.${error.code}`;
  if (!Object.hasOwn(MESSAGES, key)) return error.message;
  const params: Record<string, TextParam> = {};
  const fields = Object.entries(error);
  for (const [name, value] of fields) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  // A text field wins over the English string of the same name (`problem` beside `problemText`).
  for (const [name, value] of fields) if (name.endsWith('Text') && isText(value)) params[name.slice(0, -'Text'.length)] = value;
  const derived = Object.hasOwn(DERIVED, error.code) ? DERIVED[error.code]!(error, lang) : {};
  if (derived === null) return error.message;
  Object.assign(params, derived);
  const template = MESSAGES[key as MessageKey][lang];
  const filled = [...template.matchAll(/\{(\w+)\}/g)].every((m) => Object.hasOwn(params, m[1]!));
  return filled ? render(lang, { key: key as MessageKey, params }) : error.message;
}
