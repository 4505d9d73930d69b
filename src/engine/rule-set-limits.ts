import type { LocalizedText } from './verdict.js';
import { TuopinError } from '../kernel/errors.js';

/*
 * Why these limits, and why they are checked first.
 *
 * Depth: zod, json-rules-engine, the compiler and the DynamoDB marshaller all walk a rule set
 * recursively, so a condition nested a thousand levels deep overflows the stack before any of
 * them can say what is wrong. DynamoDB itself stores at most 32 nested levels, and a published
 * version sits two levels down in its item (`data.ruleSet`, `data.cases`); 24 leaves room for
 * that and is far above what a standard needs (the deepest reviewed rule set nests 9 levels).
 * The depth is measured without recursion, on the raw JSON, before anything else reads it.
 *
 * Size: a published version and its scenario cases are one DynamoDB item, which may not exceed
 * 400 KB. 100,000 bytes for the rule set (the largest reviewed one is 7 KB) and 250,000 bytes
 * for its cases (the village-exit cases, the largest, are 110 KB) leave 50 KB for the keys and
 * the provenance, so a draft within both limits can always be stored.
 */

/** How deep a rule-set or cases document may nest objects and lists (the top-level object is level 1). */
export const MAX_NESTING_DEPTH = 24;
/** The largest rule set accepted: UTF-8 bytes of its JSON text (the file as read, or the compact JSON of a request's rule set). */
export const MAX_RULE_SET_BYTES = 100_000;
/** The largest scenario-cases document accepted, measured the same way. */
export const MAX_CASES_BYTES = 250_000;

/** DynamoDB's largest item: a published version, its cases and provenance must fit in one. */
export const MAX_STORED_VERSION_BYTES = 400 * 1024;

/** What was measured: a rule set, the scenario cases travelling with it, or the item storing both. */
export type LimitedDocument = 'rule set' | 'cases' | 'stored version';

const NAME_ZH: Readonly<Record<LimitedDocument, string>> = { 'rule set': '规则集', cases: '测试用例', 'stored version': '待存储的规则集版本（含测试用例）' };

/** One exceeded limit, in both languages. */
export interface LimitProblem {
  readonly limit: 'depth' | 'bytes';
  readonly document: LimitedDocument;
  readonly max: number;
  readonly text: LocalizedText;
}

/** The problem as one line that reads in both languages (`en（zh）`), for reports and error messages. */
export function limitMessage(problem: LimitProblem): string {
  return `${problem.text.en}（${problem.text.zh}）`;
}

/**
 * The nesting depth of a JSON value, or `max + 1` as soon as it exceeds `max`: an explicit
 * stack instead of recursion, so a document a million levels deep costs a loop, not a crash.
 */
export function nestingDepth(value: unknown, max: number = MAX_NESTING_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, level] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (level > max) return max + 1;
    if (level > deepest) deepest = level;
    for (const member of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof member === 'object' && member !== null) stack.push([member, level + 1]);
    }
  }
  return deepest;
}

/** UTF-8 length of a text, counted without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      // A surrogate pair is one code point of 4 bytes.
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

const MAX_BYTES: Readonly<Record<LimitedDocument, number>> = {
  'rule set': MAX_RULE_SET_BYTES,
  cases: MAX_CASES_BYTES,
  'stored version': MAX_STORED_VERSION_BYTES,
};
const grouped = (n: number) => n.toLocaleString('en-US');

/** The size problem of a document's JSON text, or null when it is within its limit. */
export function textSizeProblem(text: string, document: LimitedDocument): LimitProblem | null {
  return sizeProblem(utf8Bytes(text), document);
}

/** The problem of a document (or item) of `bytes` bytes, or null when it is within its limit. */
export function sizeProblem(bytes: number, document: LimitedDocument): LimitProblem | null {
  const max = MAX_BYTES[document];
  if (bytes <= max) return null;
  return {
    limit: 'bytes',
    document,
    max,
    text: {
      en: `the ${document} is ${grouped(bytes)} bytes; at most ${grouped(max)} bytes are accepted`,
      zh: `${NAME_ZH[document]}为 ${bytes} 字节，上限为 ${max} 字节`,
    },
  };
}

/**
 * The first limit a parsed document exceeds — depth first, so the size is measured only on a
 * document shallow enough to serialise — or null. The size is that of its compact JSON.
 */
export function documentLimitProblem(document: unknown, kind: LimitedDocument): LimitProblem | null {
  const depth = nestingDepth(document);
  if (depth > MAX_NESTING_DEPTH) {
    return {
      limit: 'depth',
      document: kind,
      max: MAX_NESTING_DEPTH,
      text: {
        en: `the ${kind} nests objects and lists more than ${MAX_NESTING_DEPTH} levels deep; at most ${MAX_NESTING_DEPTH} levels are accepted`,
        zh: `${NAME_ZH[kind]}的对象与列表嵌套超过 ${MAX_NESTING_DEPTH} 层，上限为 ${MAX_NESTING_DEPTH} 层`,
      },
    };
  }
  return textSizeProblem(JSON.stringify(document) ?? '', kind);
}

/** A draft or its cases exceed a limit: refused before anything walks or stores them (a bad request, 400). */
export class RuleSetLimitError extends TuopinError {
  constructor(readonly problem: LimitProblem) {
    super('RULE_SET_LIMIT_EXCEEDED', limitMessage(problem));
  }
}

/** Throws `RuleSetLimitError` for the first limit the document exceeds (for request bodies: refused as a bad request). */
export function assertWithinLimits(document: unknown, kind: LimitedDocument): void {
  const problem = documentLimitProblem(document, kind);
  if (problem) throw new RuleSetLimitError(problem);
}
