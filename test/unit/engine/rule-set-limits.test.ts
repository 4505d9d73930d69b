import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../../../src/adapters/file/rule-set-files.js';
import { RuleSetInvalidError } from '../../../src/engine/errors.js';
import { loadRuleSet } from '../../../src/engine/load-rule-set.js';
import {
  assertWithinLimits,
  MAX_NESTING_DEPTH,
  MAX_RULE_SET_BYTES,
  nestingDepth,
  RuleSetLimitError,
  utf8Bytes,
} from '../../../src/engine/rule-set-limits.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';

const leaf = { fact: 'incomePerCapita', operator: 'greaterThan', value: 1 };

/** `all` nested `levels` deep around one leaf, as the issue reproduced it with 1,000. */
function nestedAll(levels: number): unknown {
  let condition: unknown = leaf;
  for (let level = 0; level < levels; level += 1) condition = { all: [condition] };
  return condition;
}

/** The reviewed household-exit version with its first item's conditions replaced, or its change note padded. */
async function householdExit(change: { conditions?: unknown; changeNote?: string }) {
  const v1 = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
  const document = structuredClone(v1) as unknown as { items: { conditions: unknown }[]; changeNote: string };
  if (change.conditions !== undefined) document.items[0]!.conditions = change.conditions;
  if (change.changeNote !== undefined) document.changeNote = change.changeNote;
  return document;
}

function refusal(document: unknown): RuleSetInvalidError {
  try {
    loadRuleSet(document, catalogueOf);
  } catch (error) {
    return error as RuleSetInvalidError;
  }
  throw new Error('the document was accepted');
}

describe('the nesting and size limits of a rule set', () => {
  it('measure depth without recursion, stopping past the limit', () => {
    expect(nestingDepth(1)).toBe(0);
    expect(nestingDepth({ a: [1, { b: {} }] })).toBe(4);
    expect(nestingDepth(nestedAll(100_000))).toBe(MAX_NESTING_DEPTH + 1);
  });

  it('count UTF-8 bytes as Node encodes them', () => {
    for (const text of ['', 'abc', '年人均纯收入', 'é', '𠮷 and 😀', 'mixed 一超六有 text']) expect(utf8Bytes(text)).toBe(Buffer.byteLength(text));
  });

  it('leave every reviewed rule set far inside both limits', async () => {
    for (const ruleSet of await repositoryRuleSets()) {
      expect(nestingDepth(ruleSet)).toBeLessThanOrEqual(MAX_NESTING_DEPTH / 2);
      // With every parameter labelled and referenced the largest is about 12 KB: room for many more items.
      expect(utf8Bytes(JSON.stringify(ruleSet))).toBeLessThan(MAX_RULE_SET_BYTES / 4);
    }
  });

  it('refuse `all` nested 1,000 deep with the depth limit in zh and en, not a stack overflow', async () => {
    const error = refusal(await householdExit({ conditions: nestedAll(1_000) }));
    expect(error).toBeInstanceOf(RuleSetInvalidError);
    expect(error.problems.map(({ path, message }) => ({ path, message }))).toEqual([{ path: '(root)', message: expect.stringContaining(`more than ${MAX_NESTING_DEPTH} levels deep`) }]);
    expect(error.message).toContain(`上限为 ${MAX_NESTING_DEPTH} 层`);
  });

  it('accept nesting up to the limit', async () => {
    // items → [0] → conditions → 9 levels of { all: [ … ] } → the leaf: 24 levels in all.
    expect(loadRuleSet(await householdExit({ conditions: nestedAll(10) }), catalogueOf).items[0]!.conditions).toEqual(nestedAll(10));
  });

  it('refuse a rule set over 100,000 bytes, naming the limit in zh and en', async () => {
    const error = refusal(await householdExit({ changeNote: '新标准'.repeat(40_000) }));
    expect(error).toBeInstanceOf(RuleSetInvalidError);
    expect(error.message).toContain('at most 100,000 bytes are accepted');
    expect(error.message).toContain('上限为 100000 字节');
  });

  it('throw a typed error with a stable code for a request body beyond a limit', () => {
    expect(() => assertWithinLimits({ cases: [nestedAll(30)] }, 'cases')).toThrow(RuleSetLimitError);
    expect(() => assertWithinLimits({ cases: [nestedAll(30)] }, 'cases')).toThrow(expect.objectContaining({ code: 'RULE_SET_LIMIT_EXCEEDED' }));
    expect(() => assertWithinLimits({ description: 'x'.repeat(250_001) }, 'cases')).toThrow('at most 250,000 bytes');
    expect(() => assertWithinLimits({ cases: [nestedAll(3)] }, 'cases')).not.toThrow();
  });
});
