import { type Lang, langFrom } from '../../i18n/messages.js';
import { UsageError } from './command-line.js';
import { EVALUATORS } from '../../engine/evaluators.js';
import { type ProgressReport, progressReporter, type ProgressStep } from '../run/progress.js';
import { type ItemEvaluator } from '../../engine/evaluators.js';

/** `--lang zh|en`, taken by every command: the language of its help, messages and reports. */
export const LANG_OPTION = { lang: { type: 'string' } } as const;

/** `--lang zh|en`, else zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en. */
export function langOption(values: { lang?: string | boolean | undefined }, env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  const option = typeof values.lang === 'string' ? values.lang : undefined;
  const lang = langFrom(option, env);
  if (lang === null) throw new UsageError('lang.invalid', { value: JSON.stringify(option) });
  return lang;
}

/** `--evaluator compiled|reference`. */
export function evaluatorNamed(name: string): ItemEvaluator {
  if (name === 'compiled' || name === 'reference') return EVALUATORS[name];
  throw new UsageError('usage.evaluator', { value: JSON.stringify(name) });
}

/** `--progress`, taken by the commands with a long step (import, scoring, the impact preview, export). */
export const PROGRESS_OPTION = { progress: { type: 'boolean', default: false } } as const;

/** The progress lines of a command: on stderr when it is a terminal, or always with `--progress`. */
export function progressOption(values: { progress?: string | boolean | undefined }, lang: Lang): (step: ProgressStep) => ProgressReport {
  return progressReporter({ lang, forced: values.progress === true });
}
