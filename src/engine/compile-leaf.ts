import type { OperatorName } from './condition-schema.js';
import { RuleSetInvalidError } from './errors.js';
import type { FactSlots } from './fact-slots.js';
import type { ResolvedLeaf } from './prepare-rule-set.js';

/** Kleene truth values as small integers, so `all` is a minimum, `any` a maximum and `not` is `2 - x`. */
export const FAIL = 0;
export const UNKNOWN = 1;
export const PASS = 2;
export type Truth = typeof FAIL | typeof UNKNOWN | typeof PASS;

/** A condition over the filled slots of a rule set's `FactSlots`. */
export type CompiledCondition = (slots: readonly unknown[]) => Truth;
type Test = (factValue: unknown, compareTo: unknown) => boolean;

/**
 * json-rules-engine's `numberValidator`, `Number.parseFloat(v).toString() !== 'NaN'`, without
 * the string it allocates: a number's text is `NaN` only for NaN. `parseFloat` still runs on
 * anything that is not a number, so it coerces (and throws) exactly where the original does.
 */
function isNumeric(value: unknown): boolean {
  return typeof value === 'number' ? value === value : !Number.isNaN(Number.parseFloat(value as string));
}

interface Indexable {
  indexOf(searched: unknown): number;
}

// json-rules-engine's default operators, callback and validator, with the same JavaScript
// operations in the same order: `in` calls whatever `indexOf` the compared value has (a
// string's searches for a substring; a number has none and throws, as the reference does).
const TESTS: Record<OperatorName, Test> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as Indexable).indexOf(a) > -1,
  notIn: (a, b) => (b as Indexable).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

const decide = (holds: boolean): Truth => (holds ? PASS : FAIL);

/**
 * A leaf against a constant, one closure per operator so the comparison is inlined. A number
 * fact needs no validator: json-rules-engine's accepts every number but NaN, and NaN compares false.
 */
function constantLeaf(operator: OperatorName, c: unknown, slot: number): CompiledCondition {
  const n = c as number;
  switch (operator) {
    case 'equal':
      return (slots) => {
        const a = slots[slot];
        return a === null || a === undefined ? UNKNOWN : a === c ? PASS : FAIL;
      };
    case 'notEqual':
      return (slots) => {
        const a = slots[slot];
        return a === null || a === undefined ? UNKNOWN : a !== c ? PASS : FAIL;
      };
    case 'lessThan':
      return (slots) => {
        const a = slots[slot];
        if (a === null || a === undefined) return UNKNOWN;
        return decide(typeof a === 'number' ? a < n : TESTS.lessThan(a, c));
      };
    case 'lessThanInclusive':
      return (slots) => {
        const a = slots[slot];
        if (a === null || a === undefined) return UNKNOWN;
        return decide(typeof a === 'number' ? a <= n : TESTS.lessThanInclusive(a, c));
      };
    case 'greaterThan':
      return (slots) => {
        const a = slots[slot];
        if (a === null || a === undefined) return UNKNOWN;
        return decide(typeof a === 'number' ? a > n : TESTS.greaterThan(a, c));
      };
    case 'greaterThanInclusive':
      return (slots) => {
        const a = slots[slot];
        if (a === null || a === undefined) return UNKNOWN;
        return decide(typeof a === 'number' ? a >= n : TESTS.greaterThanInclusive(a, c));
      };
    default: {
      const test = TESTS[operator];
      return (slots) => {
        const a = slots[slot];
        return a === null || a === undefined ? UNKNOWN : test(a, c) ? PASS : FAIL;
      };
    }
  }
}

/** json-rules-engine takes any object with an own `fact` as a reference to another fact. */
function isFactReference(value: unknown): value is { fact: unknown; path?: unknown } {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'fact');
}

/**
 * Compiles one leaf to a function of the filled fact slots (taking its slots from `factSlots`):
 * `unknown` when the fact (after its path) or the compared value is null/undefined, as the
 * reference's operator wrapper forces it; otherwise json-rules-engine's operator decides.
 * Throws `RuleSetInvalidError` (naming the leaf by `where`) for a path or fact reference that
 * only a malformed parameter can give.
 */
export function compileLeaf(leaf: ResolvedLeaf, factSlots: FactSlots, ruleSetId: string, where: string): CompiledCondition {
  const refuse = (at: string, message: string): never => {
    throw new RuleSetInvalidError(ruleSetId, [{ path: `${where}.${at}`, message }]);
  };
  const slot = factSlots.slotOf(leaf.fact, leaf.path) ?? refuse('path', 'the path must be a JSONPath of property steps');
  const value: unknown = leaf.value;
  if (isFactReference(value)) {
    // Only a parameter can smuggle in a malformed reference; nothing sensible mirrors it.
    if (typeof value.fact !== 'string' || value.fact === '') refuse('value.fact', 'a fact reference needs a fact name');
    const compared =
      factSlots.slotOf(value.fact as string, value.path as string | undefined) ?? refuse('value.path', 'the path must be a JSONPath of property steps');
    const test = TESTS[leaf.operator];
    return (slots) => {
      const a = slots[slot];
      const b = slots[compared];
      return a === null || a === undefined || b === null || b === undefined ? UNKNOWN : test(a, b) ? PASS : FAIL;
    };
  }
  if (value === null || value === undefined) return () => UNKNOWN;
  return constantLeaf(leaf.operator, value, slot);
}
