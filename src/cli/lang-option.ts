import { langFrom, message, type Lang } from '../i18n/messages.js';
import { UsageError } from './usage-error.js';

/** `--lang`, taken by every command that ends with the readable summary. */
export const LANG_OPTION = { lang: { type: 'string' } } as const;

/** The option's help line (English, like the rest of the help texts until they move to the catalogue). */
export function langHelp(): string {
  return message('en', 'lang.help');
}

/** `--lang zh|en`, else zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en. */
export function langOption(values: { lang?: string | boolean | undefined }, env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  const option = typeof values.lang === 'string' ? values.lang : undefined;
  const lang = langFrom(option, env);
  if (lang === null) throw new UsageError(message(langFrom(undefined, env) ?? 'en', 'lang.invalid', { value: JSON.stringify(option) }));
  return lang;
}
