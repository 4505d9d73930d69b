/**
 * What the engine's static checks find wrong with a rule set, as data: a stable code, the
 * values it is about, and its English sentence (what `RuleSetInvalidError`, the API's gate
 * report and the logs keep). The engine says nothing in any other language; the message
 * catalogue holds each code as `ruleProblem.<code>` in Chinese and English, and a test keeps
 * the catalogue's English identical to the sentences made here.
 */

/** A word of a problem that another language says differently: a value's kind, a fact's type. */
export interface ProblemWord {
  readonly word: 'number' | 'boolean' | 'string' | 'object' | 'array' | 'null' | 'list' | 'an-object' | 'the-string' | 'the-number' | 'the-boolean';
  /** The value itself, for `the-string` and its kin (`the string "yes"`). */
  readonly value?: string;
}

export type ProblemParam = string | number | ProblemWord;

const ENGLISH = {
  unknownFact: 'unknown fact {fact}; known: {known}',
  unknownField: 'fact {fact} has no field {field}; known: {known}',
  unknownParameter: 'unknown parameter {parameter}',
  numericOperator: '{operator} compares numbers, but the fact is {factType} and the value is {valueType}',
  listValue: '{operator} needs a list value, got {valueType}',
  listFact: '{operator} needs a list fact, and no fact of this standard is a list',
  neverHolds: '{operator} compares a {factType} fact with a {valueType} value: it can never hold',
  noYearValue: 'no value for {year}',
  protoFact: 'json-rules-engine cannot hold a fact named __proto__',
  referenceNeedsFact: 'a fact reference needs a fact name',
  referencePath: 'the path of a fact reference must be a JSONPath of property steps, like $.water.qualityOk',
  nullValue: '{operator} against null is always unknown (a missing value never decides a condition)',
  inNeedsLiteral: '{operator} needs a literal list, not another fact',
  needsListOfValues: '{operator} needs a list of values, got {got}',
  listOfPrimitives: '{operator} lists only strings, numbers and booleans, got {got}',
  needsNumber: '{operator} needs a number or a fact, got {got}',
  needsPrimitive: '{operator} needs a string, number or boolean, got {got}',
  labelNoParameter: '{placeholder} names no parameter of the rule set',
  labelQuotesTable: '{placeholder} quotes a table keyed by year or region; a label must not quote a number that differs by year or region',
  labelUnknownFormat: '{placeholder}: unknown format {format}; known: {known}',
  labelListFormat: '{placeholder} quotes a list: give it the format zh-list or en-list',
  labelListFormatOnNumber: '{placeholder}: {format} formats a list, the value is a number',
  labelNotQuotable: '{placeholder} does not name a number, a text or a list of them',
  noStandard: 'no standard is called {id}',
} as const;

export type RuleProblemCode = keyof typeof ENGLISH;

/** Every code with its English sentence, for the catalogue's test. */
export const RULE_PROBLEM_ENGLISH: Readonly<Record<RuleProblemCode, string>> = ENGLISH;

const WORDS: Readonly<Record<ProblemWord['word'], string>> = {
  number: 'number',
  boolean: 'boolean',
  string: 'string',
  object: 'object',
  array: 'array',
  null: 'null',
  list: 'a list',
  'an-object': 'an object',
  'the-string': 'the string {value}',
  'the-number': 'the number {value}',
  'the-boolean': 'the boolean {value}',
};

/** A word in English, as the sentences use it. */
export function englishWord(word: ProblemWord): string {
  return WORDS[word.word].replace('{value}', word.value ?? '');
}

/** One thing wrong with a rule set, at its JSON path. */
export interface RuleSetProblem {
  readonly path: string;
  readonly message: string;
  readonly code?: RuleProblemCode;
  readonly params?: Readonly<Record<string, ProblemParam>>;
  /** The assessment year the problem appears in, when only that year's values show it. */
  readonly year?: number;
}

/** A problem of code `code` at `path`, its message the English sentence with `params` filled in. */
export function ruleProblem(path: string, code: RuleProblemCode, params: Readonly<Record<string, ProblemParam>> = {}): RuleSetProblem {
  const message = ENGLISH[code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    return typeof value === 'object' ? englishWord(value) : String(value);
  });
  return { path, message, code, params };
}
