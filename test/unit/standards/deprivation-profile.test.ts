import { describe, expect, it } from 'vitest';
import {
  addDeprivationSums,
  deprivationMeasures,
  deprivationParameters,
  deprivationSums,
  groupContribution,
  itemContributions,
  DeprivationParametersError,
} from '../../../src/standards/deprivation-profile.js';
import { readFileSync } from 'node:fs';
import { type ItemOutcome } from '../../../src/engine/verdict.js';

type Items = Record<string, ItemOutcome>;
const params = { weights: { income: 1, water: 1, housing: 1 }, cutoff: 2 };

// The hand-worked example of docs/standards.md ("Deprivation profile"): four households, three items.
const H1: Items = { income: 'fail', water: 'fail', housing: 'pass' }; // score 2 of 3: poor
const H2: Items = { income: 'fail', water: 'fail', housing: 'fail' }; // 3 of 3: poor
const H3: Items = { income: 'pass', water: 'fail', housing: 'pass' }; // 1 of 3: not poor at k = 2
const H4: Items = { income: 'pass', water: 'pass', housing: 'pass' }; // 0
const H5: Items = { income: 'fail', water: 'unknown', housing: 'pass' }; // left out: an item unknown

describe('the Alkire–Foster deprivation profile', () => {
  it('gives H = 1/2, A = 5/6 and M0 = 5/12 for the four households at k = 2, leaving the unknown one out', () => {
    const sums = deprivationSums(params, [H1, H2, H3, H4, H5]);
    expect(sums).toEqual({ households: 5, unknown: 1, counted: 4, poor: 2, poorScore: 5, poorFailing: { income: 2, water: 2, housing: 1 } });
    const measures = deprivationMeasures(params, sums);
    expect(measures.headcount).toBe(0.5);
    expect(measures.intensity).toBeCloseTo(5 / 6, 12);
    expect(measures.adjustedHeadcount).toBeCloseTo(5 / 12, 12);
  });

  it('breaks M0 down by item with censored headcounts 1/2, 1/2, 1/4 and contributions 0.4, 0.4, 0.2', () => {
    const rows = itemContributions(params, deprivationSums(params, [H1, H2, H3, H4]));
    expect(rows.map((row) => row.id)).toEqual(['income', 'water', 'housing']);
    expect(rows.map((row) => row.censoredHeadcount)).toEqual([0.5, 0.5, 0.25]);
    expect(rows.map((row) => row.contribution)).toEqual([0.4, 0.4, 0.2]);
  });

  it('adds villages into the county and gives each village its share of M0 (2/5 and 3/5)', () => {
    const a = deprivationSums(params, [H1, H3]);
    const b = deprivationSums(params, [H2, H4, H5]);
    const county = addDeprivationSums([a, b]);
    expect(county).toEqual(deprivationSums(params, [H1, H2, H3, H4, H5]));
    expect(groupContribution(a, county)).toBe(0.4);
    expect(groupContribution(b, county)).toBe(0.6);
  });

  it('counts the water-only household as poor under the union cut-off k = 1: H = 3/4, A = 2/3, M0 = 1/2', () => {
    const union = { ...params, cutoff: 1 };
    const measures = deprivationMeasures(union, deprivationSums(union, [H1, H2, H3, H4]));
    expect(measures.headcount).toBe(0.75);
    expect(measures.intensity).toBeCloseTo(2 / 3, 12);
    expect(measures.adjustedHeadcount).toBe(0.5);
  });

  it('weighs items unequally when told: income 2, water and housing 1 each, k = 2', () => {
    const weighted = { weights: { income: 2, water: 1, housing: 1 }, cutoff: 2 };
    // H1 scores 3 of 4, H2 4 of 4, H3 1 (not poor), H5 is still left out.
    const sums = deprivationSums(weighted, [H1, H2, H3, H4, H5]);
    expect(sums.poorScore).toBe(7);
    expect(deprivationMeasures(weighted, sums).adjustedHeadcount).toBeCloseTo(7 / 16, 12);
    expect(itemContributions(weighted, sums).map((row) => row.contribution)).toEqual([4 / 7, 2 / 7, 1 / 7]);
  });

  it('has no measure where nobody is counted, and no breakdown where nobody is poor', () => {
    expect(deprivationMeasures(params, deprivationSums(params, [H5]))).toEqual({ headcount: null, intensity: null, adjustedHeadcount: null });
    const none = deprivationSums(params, [H4, H3]);
    expect(deprivationMeasures(params, none)).toEqual({ headcount: 0, intensity: null, adjustedHeadcount: 0 });
    expect(itemContributions(params, none).every((row) => row.contribution === null)).toBe(true);
    expect(groupContribution(none, none)).toBeNull();
  });
});

describe('the deprivation parameters of a household-exit rule set', () => {
  const items = ['income', 'water', 'housing'].map((id) => ({ id }));
  const ruleSet = (parameters: Record<string, unknown>) => ({ id: 'household-exit', items, parameters }) as never;

  it('are the equal weights and the union cut-off of the reviewed v1', () => {
    const v1 = JSON.parse(readFileSync(new URL('../../../rules/household-exit/v1.json', import.meta.url), 'utf8'));
    expect(deprivationParameters(v1)).toEqual({
      weights: { income: 1, education: 1, medical: 1, housing: 1, water: 1, electricity: 1, 'radio-tv': 1 },
      cutoff: 1,
    });
  });

  it('are absent from a version published without them, and nothing is assumed', () => {
    expect(deprivationParameters(ruleSet({ exitLine: 1 }))).toBeNull();
  });

  it.each([
    [{ deprivationWeights: { roads: 1 }, deprivationCutoff: 1 }, 'deprivationWeights.roads names no item'],
    [{ deprivationWeights: { income: 0 }, deprivationCutoff: 1 }, 'deprivationWeights.income must be a positive number'],
    [{ deprivationWeights: { income: 1, water: 1 }, deprivationCutoff: 3 }, 'deprivationCutoff must be a number above 0 and at most the total weight 2'],
    [{ deprivationWeights: { income: 1 } }, 'deprivationCutoff must be'],
    [{ deprivationWeights: [1], deprivationCutoff: 1 }, 'deprivationWeights must map item ids to weights'],
  ])('refuse %j', (parameters, message) => {
    expect(() => deprivationParameters(ruleSet(parameters))).toThrow(DeprivationParametersError);
    expect(() => deprivationParameters(ruleSet(parameters))).toThrow(message);
  });
});
