import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearestName } from '../../kernel/text.js';
import { langFrom, message, type Lang, type MessageKey } from '../../i18n/messages.js';
import { TuopinError } from '../../kernel/errors.js';
import { isQuarterText } from '../../kernel/quarter.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Params = Readonly<Record<string, string | number>>;

/**
 * A command line that cannot be run: printed as one line in the command's language (exit
 * status 2). It carries its catalogue key, so the line is chosen when it is printed; its
 * `message` is the English text, for tests and logs.
 */
export class UsageError extends TuopinError {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
    /** Parameters that are messages themselves (a did-you-mean hint), put in the same language. */
    readonly parts: Readonly<Record<string, readonly [MessageKey, Params]>> = {},
  ) {
    super('USAGE', message('en', key, { ...params, ...filled('en', parts) }));
  }

  text(lang: Lang): string {
    return message(lang, this.key, { ...this.params, ...filled(lang, parts(this)) });
  }
}

const parts = (error: UsageError) => error.parts;
function filled(lang: Lang, nested: Readonly<Record<string, readonly [MessageKey, Params]>>): Params {
  return Object.fromEntries(Object.entries(nested).map(([name, [key, params]]) => [name, message(lang, key, params)]));
}

/** A usage error for an unknown command, naming the command a typo was meant to be when one is near. */
export function unknownCommand(name: string, known: readonly string[], key: 'usage.unknownCommand' | 'usage.unknownRulesCommand' = 'usage.unknownCommand'): UsageError {
  const suggestion = nearestName(name, known);
  if (suggestion === null) return new UsageError(key, { name: JSON.stringify(name), hint: '' });
  return new UsageError(key, { name: JSON.stringify(name) }, { hint: ['usage.didYouMean', { name: suggestion }] });
}

/** The language of a command line before it is parsed (for its usage errors): `--lang`, else the locale. */
export function commandLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const option = at < 0 ? undefined : argv[at]!.startsWith('--lang=') ? argv[at]!.slice('--lang='.length) : argv[at + 1];
  return langFrom(option, env) ?? langFrom(undefined, env) ?? 'en';
}

/** node:util's parseArgs, with its errors turned into one-line usage errors. */
export function parseOptions<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError('usage.parse', { detail: (error as Error).message.split('\n')[0]! });
  }
}

/** The value of a required option, or a usage error naming it. */
export function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.length === 0) throw new UsageError('usage.required', { name });
  return value;
}

/** `--quarter`, required and shaped like 2018Q4. */
export function quarterOption(values: Record<string, unknown>): string {
  const quarter = required(values, 'quarter');
  if (!isQuarterText(quarter)) throw new UsageError('usage.quarter', { value: JSON.stringify(quarter) });
  return quarter;
}

/** The shared option blocks a help text names by placeholder. */
function helpBlocks(lang: Lang): Params {
  return {
    store: message(lang, 'help.store'),
    lang: message(lang, 'lang.help'),
    progress: message(lang, 'progress.help'),
    help: message(lang, 'help.helpOption'),
    cases: message(lang, 'help.cases'),
    preview: message(lang, 'help.preview'),
  };
}

/** A command's help text in the language, its shared option blocks filled in. */
export function helpText(lang: Lang, key: MessageKey): string {
  return message(lang, key, helpBlocks(lang));
}

/** Prints a command's help (on stdout unless the command writes elsewhere): asked for, so exit status 0. */
export function printHelp(lang: Lang, key: MessageKey, write: (text: string) => unknown = (text) => process.stdout.write(text)): number {
  write(`${helpText(lang, key)}\n`);
  return 0;
}
