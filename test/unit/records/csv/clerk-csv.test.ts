import { describe, expect, it } from 'vitest';
import { clerkBoolean, clerkDate, clerkNumberText } from '../../../../src/records/csv/clerk-values.js';
import { parseCsv } from '../../../../src/records/csv/parse-csv.js';
import { readLines } from '../../../../src/records/parsing/read-lines.js';
import { CountySchema, HouseholdSchema } from '../../../../src/records/records.js';
import { collect } from '../../../helpers/record-lines.js';
import { CsvHeaderError } from '../../../../src/records/record-errors.js';

async function* text(content: string): AsyncGenerator<string> {
  yield content;
}

function parseHouseholds(...rows: string[]) {
  return collect(parseCsv(readLines(text(`${rows.join('\n')}\n`)), 'households.csv', HouseholdSchema, { idField: 'householdId' }));
}

describe('a 台账 in CSV, with Chinese headers and values', () => {
  it('reads zh headers beside English ones, and 是/否, zh status names and grouped numbers as the canonical values', async () => {
    const results = await parseHouseholds(
      '户编号,村编号,户状态,年人均纯收入,electricity,住房安全等级,spending.education',
      'H1,V1,已脱贫,"50,000",是,B级（基本安全）,"１２，３４５．５"',
      'H2,V1,非贫困户,4200,否,A,0',
    );
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const [first, second] = results.flatMap((r) => (r.ok ? [r.record] : []));
    expect(first).toMatchObject({ householdId: 'H1', villageId: 'V1', status: 'exited', incomePerCapita: 50000, electricity: true, housing: { safetyGrade: 'B' }, spending: { education: 12345.5 } });
    expect(second).toMatchObject({ status: 'non-poor', incomePerCapita: 4200, electricity: false, housing: { safetyGrade: 'A' } });
  });

  it('gives the same record for the zh and the English spelling of a row', async () => {
    const zh = await parseHouseholds('户编号,村编号,户状态,年人均纯收入', 'H1,V1,返贫,"3,800"');
    const en = await parseHouseholds('householdId,villageId,status,incomePerCapita', 'H1,V1,returned,3800');
    expect(zh).toEqual(en);
  });

  it('refuses a header near a known one once, at the header, with the name it was likely meant to be', async () => {
    const error = await parseHouseholds('户编码,村编号,户状态', 'H1,V1,poor', 'H2,V1,poor').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvHeaderError);
    expect((error as CsvHeaderError).code).toBe('CSV_HEADER');
    expect((error as Error).message).toBe('households.csv:1: column 户编码 is not a known column; did you mean 户编号? / 列名“户编码”不是已知列名，是否应为“户编号”？');
    await expect(parseHouseholds('householdId,villageId,stauts', 'H1,V1,poor')).rejects.toThrow(/did you mean status\?/);
  });

  it('still keeps a column near no known name as an extra field', async () => {
    const [result] = await parseHouseholds('householdId,villageId,status,备注', 'H1,V1,poor,新户');
    expect(result).toMatchObject({ ok: true, record: { 备注: '新户' } });
  });

  it('reads a header naming one field both ways, as the template writes it', async () => {
    const [result] = await parseHouseholds('户编号 householdId,"村编号\nvillageId",户状态 status', 'H1,V1,申请中');
    expect(result).toMatchObject({ ok: true, record: { householdId: 'H1', villageId: 'V1', status: 'applicant' } });
    await expect(parseHouseholds('户编号 villageId,村编号,户状态', 'H1,V1,poor')).rejects.toThrow(/column 户编号 villageId is not a known column; did you mean/);
  });

  it('refuses a field given under both its names', async () => {
    await expect(parseHouseholds('householdId,户编号,villageId,status', 'H1,H1,V1,poor')).rejects.toThrow(/column 户编号 \(householdId\) appears twice/);
  });

  it('rejects a value neither the code nor its zh name, naming the allowed values in both languages', async () => {
    const [result] = await parseHouseholds('户编号,村编号,户状态', 'H1,V1,脱贫');
    expect(result).toMatchObject({
      ok: false,
      rejected: { line: 2, field: 'status', id: 'H1', reason: 'expected one of poor 未脱贫, exited 已脱贫, returned 返贫, applicant 申请中, non-poor 非贫困户 / 应为以下之一, got "脱贫"' },
    });
  });

  it('rejects a number grouped wrongly rather than guessing what was meant', async () => {
    const [result] = await parseHouseholds('户编号,村编号,户状态,年人均纯收入', 'H1,V1,poor,"50,00"');
    expect(result).toMatchObject({ ok: false, rejected: { field: 'incomePerCapita', reason: 'expected a number, got "50,00"' } });
  });

  it('reads a county by its zh headers too', async () => {
    const results = await collect(parseCsv(readLines(text('县编号,县名称\n513336,乡城县\n')), 'counties.csv', CountySchema));
    expect(results).toMatchObject([{ ok: true, record: { countyId: '513336', name: '乡城县' } }]);
  });
});

describe('clerk values', () => {
  it.each([
    ['2018-03-01', '2018-03-01'],
    ['2018/3/1', '2018-03-01'],
    ['2018年3月1日', '2018-03-01'],
    ['２０１８/１２/３１', '2018-12-31'],
    ['March 1', 'March 1'],
  ])('reads the date %j as %j', (written, canonical) => {
    expect(clerkDate(written)).toBe(canonical);
  });

  it.each([
    ['50,000', '50000'],
    ['50，000', '50000'],
    ['-1,234,567.25', '-1234567.25'],
    ['1,5', '1,5'],
    ['12,34', '12,34'],
  ])('reads the number %j as %j', (written, canonical) => {
    expect(clerkNumberText(written)).toBe(canonical);
  });

  it('reads 是/否 and true/false, and nothing else', () => {
    expect([clerkBoolean('是'), clerkBoolean('否'), clerkBoolean('TRUE'), clerkBoolean('false'), clerkBoolean('有')]).toEqual([true, false, true, false, null]);
  });
});
