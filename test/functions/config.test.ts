import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/_shared/config.js';

const complete = { TABLE_NAME: 'tuopin-prod', RUN_TIME_ZONE: 'Asia/Shanghai' };

describe('the functions configuration', () => {
  it('fails with the name of a missing variable', () => {
    expect(() => parseConfig({ RUN_TIME_ZONE: 'Asia/Shanghai' })).toThrow(/TABLE_NAME is required/);
    expect(() => parseConfig({})).toThrow(/TABLE_NAME is required; RUN_TIME_ZONE is required/);
  });

  it('fails with the name and the problem of a malformed variable', () => {
    expect(() => parseConfig({ ...complete, RUN_TIME_ZONE: 'Mars/Olympus' })).toThrow(/RUN_TIME_ZONE: expected an IANA time zone/);
    expect(() => parseConfig({ ...complete, RUN_BATCH_SIZE: 'many' })).toThrow(/RUN_BATCH_SIZE:/);
    expect(() => parseConfig({ ...complete, EVALUATOR: 'fast' })).toThrow(/EVALUATOR: expected one of/);
  });

  it('fills in the defaults and converts numbers', () => {
    expect(parseConfig({ ...complete, RUN_BATCH_SIZE: '50' })).toMatchObject({ TABLE_NAME: 'tuopin-prod', RUN_BATCH_SIZE: 50, VILLAGE_ATTEMPTS: 2, EVALUATOR: 'compiled' });
  });
});
