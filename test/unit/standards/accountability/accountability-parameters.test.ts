import { describe, expect, it } from 'vitest';
import { RuleSetInvalidError } from '../../../../src/engine/errors.js';
import { parseAccountabilityParameters } from '../../../../src/standards/accountability/accountability-parameters.js';
import { v1ParametersJson } from './builders.js';

function problemsOf(raw: unknown): { path: string; message: string }[] {
  try {
    parseAccountabilityParameters(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetInvalidError);
    expect((error as RuleSetInvalidError).code).toBe('RULE_SET_INVALID');
    return [...(error as RuleSetInvalidError).problems];
  }
  throw new Error('expected the parameters to be rejected');
}

describe('parseAccountabilityParameters', () => {
  it('accepts the v1 parameters and returns them as typed values', () => {
    const parameters = parseAccountabilityParameters(v1ParametersJson());
    expect(parameters.weights['exit-target']).toBe(40);
    expect(parameters.redFlag).toEqual({ top: 3, minScore: 90 });
    expect(parameters.resignation).toEqual({ count: 3, mode: 'total-in-year' });
  });

  it('names the missing weight by its path', () => {
    const raw = v1ParametersJson();
    raw.weights = { 'exit-target': 40, assurances: 30, stability: 20 };
    expect(problemsOf(raw).map((p) => p.path)).toEqual(['parameters.weights.data-quality']);
  });

  it('rejects a weight for an indicator the engine does not compute', () => {
    const raw = v1ParametersJson();
    raw.weights = { ...(raw.weights as object), 'exit-targets': 5 };
    expect(problemsOf(raw).map((p) => p.path)).toEqual(['parameters.weights']);
  });

  it('rejects an escalation mode other than consecutive or total-in-year', () => {
    const raw = { ...v1ParametersJson(), interview: { count: 2, mode: 'total' } };
    expect(problemsOf(raw).map((p) => p.path)).toEqual(['parameters.interview.mode']);
  });

  it('rejects negative weights, fractional decimals and a zero escalation count', () => {
    const raw = {
      ...v1ParametersJson(),
      weights: { 'exit-target': -40, assurances: 30, stability: 20, 'data-quality': 10 },
      scoreDecimals: 1.5,
      resignation: { count: 0, mode: 'consecutive' },
    };
    expect(problemsOf(raw).map((p) => p.path).sort()).toEqual([
      'parameters.resignation.count',
      'parameters.scoreDecimals',
      'parameters.weights.exit-target',
    ]);
  });

  it('rejects a status that is not a household status and an empty assurance list', () => {
    const raw = { ...v1ParametersJson(), exitedStatuses: ['graduated'], assuranceItems: [] };
    expect(problemsOf(raw).map((p) => p.path).sort()).toEqual(['parameters.assuranceItems', 'parameters.exitedStatuses.0']);
  });

  it('rejects a missing section and a non-object', () => {
    const { yellowCard: _dropped, ...raw } = v1ParametersJson();
    expect(problemsOf(raw).map((p) => p.path)).toEqual(['parameters.yellowCard']);
    expect(problemsOf(null)).toHaveLength(1);
  });

  it('reports the rule set it was given', () => {
    expect(() => parseAccountabilityParameters({}, 'accountability-gansu')).toThrow(/accountability-gansu/);
  });
});
