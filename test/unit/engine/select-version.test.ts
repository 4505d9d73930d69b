import { describe, expect, it } from 'vitest';
import { RuleSetNotFoundError } from '../../../src/engine/errors.js';
import { selectVersionInForce } from '../../../src/engine/load-rule-set.js';

function version(n: number, effectiveFrom: string) {
  return { id: 'household-exit', version: n, effectiveFrom };
}

describe('selectVersionInForce', () => {
  const versions = [version(1, '2014-01-01'), version(2, '2016-07-01'), version(3, '2019-01-01')];

  it('takes the version with the latest effectiveFrom on or before the as-of date', () => {
    expect(selectVersionInForce(versions, '2018-12-31').version).toBe(2);
    expect(selectVersionInForce(versions, '2015-06-30').version).toBe(1);
  });

  it('counts a version effective on the as-of date itself as in force', () => {
    expect(selectVersionInForce(versions, '2016-07-01').version).toBe(2);
    expect(selectVersionInForce(versions, '2016-06-30').version).toBe(1);
  });

  it('does not depend on the order the versions are listed in', () => {
    expect(selectVersionInForce([...versions].reverse(), '2020-12-31').version).toBe(3);
  });

  it('prefers the higher version between versions effective the same day', () => {
    const sameDay = [version(4, '2018-01-01'), version(5, '2018-01-01'), version(1, '2014-01-01')];
    expect(selectVersionInForce(sameDay, '2018-06-30').version).toBe(5);
    expect(selectVersionInForce([...sameDay].reverse(), '2018-06-30').version).toBe(5);
  });

  it('prefers a later effective date over a higher version number', () => {
    expect(selectVersionInForce([version(9, '2015-01-01'), version(2, '2017-01-01')], '2018-01-01').version).toBe(2);
  });

  it('refuses a date before every version with RuleSetNotFoundError naming the rule set and the date', () => {
    expect(() => selectVersionInForce(versions, '2013-12-31')).toThrow(RuleSetNotFoundError);
    expect(() => selectVersionInForce(versions, '2013-12-31')).toThrow(/household-exit.*2013-12-31/);
  });

  it('refuses an empty list of versions with RuleSetNotFoundError', () => {
    expect(() => selectVersionInForce([], '2018-12-31')).toThrow(RuleSetNotFoundError);
  });
});
