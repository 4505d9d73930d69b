import type { LocalizedText } from './verdict.js';
import { ruleProblem, type ProblemParam, type RuleProblemCode, type RuleSetProblem } from './rule-set-problem.js';

/**
 * Label templates: a label that quotes a threshold names the parameter instead of copying its
 * number — `{compulsorySchoolingAge.min}`, `{vehicleValueLimit|grouped}` — so editing the
 * parameter can never leave the label wrong. A placeholder is a parameter name, an optional
 * dotted path into it, and an optional format.
 */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)((?:\.[A-Za-z0-9-]+)*)(?:\|([a-z-]+))?\}/g;

const ZH_DIGITS = ['一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** How a quoted value is written. A list needs a list format; every other value may take none. */
export const LABEL_FORMATS = {
  /** 30000 → 30,000 */
  grouped: (value: number) => {
    const [whole, fraction] = String(value).split('.');
    const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return fraction === undefined ? grouped : `${grouped}.${fraction}`;
  },
  /** 30000 → 3 (in 万, ten thousands: 3万元) */
  wan: (value: number) => String(round12(value / 10_000)),
  /** 0.6 → 60 (a fraction shown as a percentage) */
  percent: (value: number) => String(round12(value * 100)),
  /** 12 → 一年, 24 → 两年 (months written as whole years in Chinese), 18 → 18个月 */
  'zh-years': (value: number) => (Number.isInteger(value / 12) && value / 12 >= 1 && value / 12 <= 10 ? `${ZH_DIGITS[value / 12 - 1]}年` : `${value}个月`),
  /** ['C', 'D'] → C、D */
  'zh-list': (value: readonly (string | number)[]) => value.join('、'),
  /** ['A', 'B', 'C'] → A, B or C */
  'en-list': (value: readonly (string | number)[]) =>
    value.length <= 1 ? value.join('') : `${value.slice(0, -1).join(', ')} or ${String(value[value.length - 1])}`,
} as const;

export type LabelFormat = keyof typeof LABEL_FORMATS;

const LIST_FORMATS: readonly string[] = ['zh-list', 'en-list'];

// Float noise (0.07 × 100 = 7.000000000000001) must not reach a label.
function round12(value: number): number {
  return Number(value.toPrecision(12));
}

export interface Placeholder {
  readonly text: string;
  readonly parameter: string;
  readonly path: readonly string[];
  readonly format: string | undefined;
}

/** The placeholders of one text, in order. */
export function placeholdersOf(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({
    text: match[0],
    parameter: match[1] as string,
    path: match[2] ? match[2].slice(1).split('.') : [],
    format: match[3],
  }));
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

const isTable = (value: unknown) => typeof value === 'object' && value !== null && ('byYear' in value || 'byRegion' in value);

/**
 * The text a placeholder stands for, or why it stands for none: an unknown parameter, a table
 * (a year's line differs by year and a region's limit by county, so a label must not quote
 * them), a path or format that does not fit the value.
 */
export function quote(placeholder: Placeholder, parameters: Readonly<Record<string, unknown>>): { text: string } | { problem: RuleSetProblem } {
  const name = placeholder.parameter;
  // The path is filled in by whoever knows which label of which item the placeholder is in.
  const problem = (code: RuleProblemCode, params: Readonly<Record<string, ProblemParam>>) => ({ problem: ruleProblem('', code, params) });
  const at = { placeholder: placeholder.text };
  if (!Object.hasOwn(parameters, name)) return problem('labelNoParameter', at);
  const whole = parameters[name];
  if (isTable(whole)) return problem('labelQuotesTable', at);
  const value = valueAt(whole, placeholder.path);
  const format = placeholder.format;
  if (format !== undefined && !Object.hasOwn(LABEL_FORMATS, format)) {
    return problem('labelUnknownFormat', { ...at, format: JSON.stringify(format), known: Object.keys(LABEL_FORMATS).join(', ') });
  }
  const listFormat = format !== undefined && LIST_FORMATS.includes(format);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    if (!listFormat) return problem('labelListFormat', at);
    return { text: LABEL_FORMATS[format as 'zh-list' | 'en-list'](value) };
  }
  if (typeof value === 'number') {
    if (listFormat) return problem('labelListFormatOnNumber', { ...at, format: format! });
    return { text: format === undefined ? String(value) : LABEL_FORMATS[format as 'grouped' | 'wan' | 'percent' | 'zh-years'](value) };
  }
  if (typeof value === 'string' && format === undefined) return { text: value };
  return problem('labelNotQuotable', at);
}

/** Every problem of the placeholders in a zh/en label, with the language at fault (its path is the caller's to give). */
export function labelTemplateProblems(label: LocalizedText, parameters: Readonly<Record<string, unknown>>): { language: 'zh' | 'en'; problem: RuleSetProblem }[] {
  const problems: { language: 'zh' | 'en'; problem: RuleSetProblem }[] = [];
  for (const language of ['zh', 'en'] as const) {
    for (const placeholder of placeholdersOf(label[language])) {
      const quoted = quote(placeholder, parameters);
      if ('problem' in quoted) problems.push({ language, problem: quoted.problem });
    }
  }
  return problems;
}

/**
 * A label with its placeholders replaced by the parameters' values. A placeholder that cannot
 * be quoted is left as written: the static check refuses such a rule set before it is used,
 * and a label is never worth failing a verdict for.
 */
export function renderLabel(label: LocalizedText, parameters: Readonly<Record<string, unknown>>): LocalizedText {
  const render = (text: string) =>
    text.includes('{')
      ? text.replace(PLACEHOLDER, (...match: string[]) => {
          const placeholder = placeholdersOf(match[0] as string)[0] as Placeholder;
          const quoted = quote(placeholder, parameters);
          return 'text' in quoted ? quoted.text : placeholder.text;
        })
      : text;
  const zh = render(label.zh);
  const en = render(label.en);
  return zh === label.zh && en === label.en ? label : { zh, en };
}
