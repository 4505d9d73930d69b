import { describe, expect, it } from 'vitest';
import { determinationId } from '../../../src/engine/determination-id.js';
import { aHousehold } from '../../helpers/builders.js';

const household = aHousehold();

describe('determinationId', () => {
  it('is a SHA-256 in hex', () => {
    expect(determinationId('household-exit', 1, 2018, household)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable across the key order of the input', () => {
    const reversed = Object.fromEntries(Object.entries(household).reverse());
    expect(Object.keys(reversed)).not.toEqual(Object.keys(household));
    expect(determinationId('household-exit', 1, 2018, reversed)).toBe(determinationId('household-exit', 1, 2018, household));
  });

  it('is the same for equal inputs built separately', () => {
    expect(determinationId('household-exit', 1, 2018, aHousehold())).toBe(determinationId('household-exit', 1, 2018, aHousehold()));
  });

  it('changes with the rule-set id, the version and the year', () => {
    const base = determinationId('household-exit', 1, 2018, household);
    expect(determinationId('identification', 1, 2018, household)).not.toBe(base);
    expect(determinationId('household-exit', 2, 2018, household)).not.toBe(base);
    expect(determinationId('household-exit', 1, 2019, household)).not.toBe(base);
  });

  it.each<[string, Parameters<typeof aHousehold>[0]]>([
    ['the income', { incomePerCapita: 5200.01 }],
    ['the status', { status: 'exited' }],
    ['a nested field', { water: { fetchMinutes: 1 } }],
    ['a field set to null', { electricity: null }],
    ['the members', { members: [] }],
    ['an extra field the record carries', { note: 'x' } as Parameters<typeof aHousehold>[0]],
  ])('changes when %s changes', (_name, overrides) => {
    expect(determinationId('household-exit', 1, 2018, aHousehold(overrides))).not.toBe(determinationId('household-exit', 1, 2018, household));
  });

  it('changes when a member of the household changes', () => {
    const changed = structuredClone(household);
    changed.members![1]!.schooling = 'dropped-out';
    expect(determinationId('household-exit', 1, 2018, changed)).not.toBe(determinationId('household-exit', 1, 2018, household));
  });
});
