import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../src/records/parse-json-lines.js';
import { HouseholdSchema } from '../../../src/records/records.js';
import { aHousehold, aMember, collect, jsonLines } from './record-builders.js';

function parse(...values: unknown[]) {
  return collect(parseJsonLines(jsonLines(...values), 'households.jsonl', HouseholdSchema, { idField: 'householdId' }));
}

describe('parseJsonLines', () => {
  it('numbers lines from 1 and skips blank lines without losing count', async () => {
    const results = await parse(aHousehold({ householdId: 'H1' }), '', '   ', aHousehold({ householdId: 'H4' }));
    expect(results.map((r) => (r.ok ? [r.line, r.record.householdId] : null))).toEqual([
      [1, 'H1'],
      [4, 'H4'],
    ]);
  });

  it('tells which file an accepted record came from', async () => {
    const [result] = await parse(aHousehold());
    expect(result).toMatchObject({ ok: true, file: 'households.jsonl', line: 1 });
  });

  it('rejects a line that is not JSON with the field (line) and goes on', async () => {
    const results = await parse('{"householdId": "H1",', aHousehold({ householdId: 'H2' }));
    expect(results[0]).toMatchObject({ ok: false, rejected: { file: 'households.jsonl', line: 1, field: '(line)' } });
    expect(results[0]!.ok === false && results[0]!.rejected.reason).toMatch(/^not valid JSON: /);
    expect(results[1]).toMatchObject({ ok: true, line: 2 });
  });

  it('names the first failing field by its dotted path and counts the other issues', async () => {
    const household = aHousehold({ householdId: 'H9', members: [aMember(), aMember({ memberId: 'm2', age: -1 })], electricity: 'yes' });
    const [result] = await parse(household);
    expect(result).toEqual({
      ok: false,
      rejected: { file: 'households.jsonl', line: 1, field: 'members.1.age', reason: 'expected at least 0, got -1 (and 1 more issue)', id: 'H9' },
      // Where the row belongs, so its village can be reported incomplete.
      placement: { villageId: '513336-01-003' },
    });
  });

  it('says what was expected and what came', async () => {
    const results = await parse(
      aHousehold({ incomePerCapita: 'abc' }),
      aHousehold({ status: 'rich' }),
      aHousehold({ householdId: undefined }),
      aHousehold({ notices: [{ stage: 'village', start: '2018-02-30' }] }),
    );
    expect(results.map((r) => (r.ok ? null : `${r.rejected.field}: ${r.rejected.reason}`))).toEqual([
      'incomePerCapita: expected a number, got "abc"',
      'status: expected one of poor, exited, returned, applicant, non-poor, got "rich"',
      'householdId: missing, expected a string',
      'notices.0.start: expected an ISO date (YYYY-MM-DD), got "2018-02-30"',
    ]);
  });

  it('leaves the id off a rejection when the row has no readable id', async () => {
    const [result] = await parse(aHousehold({ householdId: 42 }));
    expect(result?.ok === false && 'id' in result.rejected).toBe(false);
  });

  it('rejects a line holding JSON that is not an object as the whole record', async () => {
    const [result] = await parse('[1, 2]');
    expect(result).toMatchObject({ ok: false, rejected: { line: 1, field: '(record)' } });
  });

  it('drops a byte-order mark before the first record', async () => {
    const [result] = await parse(`\uFEFF${JSON.stringify(aHousehold())}`);
    expect(result?.ok).toBe(true);
  });
});
