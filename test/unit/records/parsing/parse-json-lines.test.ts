import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../../src/records/parsing/parse-json-lines.js';
import { HouseholdSchema } from '../../../../src/records/records.js';
import { rawHousehold, rawMember } from '../../../helpers/builders.js';
import { collect, jsonLines } from '../../../helpers/record-lines.js';

function parse(...values: unknown[]) {
  return collect(parseJsonLines(jsonLines(...values), 'households.jsonl', HouseholdSchema, { idField: 'householdId' }));
}

describe('parseJsonLines', () => {
  it('numbers lines from 1 and skips blank lines without losing count', async () => {
    const results = await parse(rawHousehold({ householdId: 'H1' }), '', '   ', rawHousehold({ householdId: 'H4' }));
    expect(results.map((r) => (r.ok ? [r.line, r.record.householdId] : null))).toEqual([
      [1, 'H1'],
      [4, 'H4'],
    ]);
  });

  it('tells which file an accepted record came from', async () => {
    const [result] = await parse(rawHousehold());
    expect(result).toMatchObject({ ok: true, file: 'households.jsonl', line: 1 });
  });

  it('rejects a line that is not JSON with the field (line) and goes on', async () => {
    const results = await parse('{"householdId": "H1",', rawHousehold({ householdId: 'H2' }));
    expect(results[0]).toMatchObject({ ok: false, rejected: { file: 'households.jsonl', line: 1, field: '(line)' } });
    expect(results[0]!.ok === false && results[0]!.rejected.reason).toMatch(/^not valid JSON: /);
    expect(results[1]).toMatchObject({ ok: true, line: 2 });
  });

  it('names the first failing field by its dotted path and lists every other problem with its own', async () => {
    const household = rawHousehold({ householdId: 'H9', members: [rawMember(), rawMember({ memberId: 'm2', age: -1 })], electricity: 'yes' });
    const [result] = await parse(household);
    expect(result).toEqual({
      ok: false,
      rejected: { file: 'households.jsonl', line: 1, field: 'members.1.age', reason: 'expected at least 0, got -1; electricity: expected true or false, got "yes"', id: 'H9' },
      // Where the row belongs, so its village can be reported incomplete.
      placement: { villageId: 'V-001' },
    });
  });

  it('lists all of a row\'s problems, however many, so the row is fixed in one pass', async () => {
    const household = rawHousehold({
      householdId: 'H7',
      registeredYear: 99999,
      incomePerCapita: -5,
      members: [rawMember({ age: 300 }), rawMember({ memberId: 'm2', schooling: 'home' })],
      water: { reliabilityPct: 101 },
    });
    const [result] = await parse(household);
    expect(result).toMatchObject({ ok: false, rejected: { field: 'registeredYear', id: 'H7' } });
    expect(result!.ok === false && result!.rejected.reason).toBe(
      'expected at most 2100, got 99999; incomePerCapita: expected at least 0, got -5; members.0.age: expected at most 150, got 300; ' +
        'members.1.schooling: expected one of enrolled, dropped-out, exempt, not-applicable, got "home"; water.reliabilityPct: expected at most 100, got 101',
    );
  });

  it('says what was expected and what came', async () => {
    const results = await parse(
      rawHousehold({ incomePerCapita: 'abc' }),
      rawHousehold({ status: 'rich' }),
      rawHousehold({ householdId: undefined }),
      rawHousehold({ notices: [{ stage: 'village', start: '2018-02-30' }] }),
    );
    expect(results.map((r) => (r.ok ? null : `${r.rejected.field}: ${r.rejected.reason}`))).toEqual([
      'incomePerCapita: expected a number, got "abc"',
      'status: expected one of poor, exited, returned, applicant, non-poor, got "rich"',
      'householdId: missing, expected a string',
      'notices.0.start: expected an ISO date (YYYY-MM-DD), got "2018-02-30"',
    ]);
  });

  it('leaves the id off a rejection when the row has no readable id', async () => {
    const [result] = await parse(rawHousehold({ householdId: 42 }));
    expect(result?.ok === false && 'id' in result.rejected).toBe(false);
  });

  it('rejects a line holding JSON that is not an object as the whole record', async () => {
    const [result] = await parse('[1, 2]');
    expect(result).toMatchObject({ ok: false, rejected: { line: 1, field: '(record)' } });
  });

  it('drops a byte-order mark before the first record', async () => {
    const [result] = await parse(`\uFEFF${JSON.stringify(rawHousehold())}`);
    expect(result?.ok).toBe(true);
  });
});
