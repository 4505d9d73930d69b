import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/records/csv/parse-csv.js';
import type { ParseResult } from '../../../../src/records/parsing/parsed-row.js';
import { readLines } from '../../../../src/records/parsing/read-lines.js';
import { AssistingUnitSchema, CountySchema, HouseholdSchema, TownshipSchema } from '../../../../src/records/records.js';
import { collect } from '../../../helpers/record-lines.js';
import { CsvHeaderError } from '../../../../src/records/record-errors.js';

async function* text(content: string): AsyncGenerator<string> {
  yield content;
}

/** A CSV file from its rows, each row a list of cells already written as CSV. */
function csv(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

function parse<T>(content: string, schema: z.ZodType<T>, idField?: string): Promise<ParseResult<T>[]> {
  return collect(parseCsv(readLines(text(content)), 'data.csv', schema, idField === undefined ? {} : { idField }));
}

function records<T>(results: ParseResult<T>[]): T[] {
  return results.flatMap((r) => (r.ok ? [r.record] : []));
}

function rejections<T>(results: ParseResult<T>[]) {
  return results.flatMap((r) => (r.ok ? [] : [r.rejected]));
}

const HOUSEHOLD_HEADER = 'householdId,villageId,status';

describe('parseCsv', () => {
  it('keeps ids that look like numbers as strings', async () => {
    const [county] = records(await parse(csv('countyId,name', '513336,乡城县', '000123,零'), CountySchema));
    expect(county?.countyId).toBe('513336');
    expect(records(await parse(csv('countyId', '000123'), CountySchema))[0]?.countyId).toBe('000123');
  });

  it('reads number and boolean columns by the type of their field', async () => {
    const [township] = records(await parse(csv('townshipId,countyId,hasStandardCentralSchool,hasServiceCentre', 'T1,C1,TRUE,false'), TownshipSchema));
    expect(township).toMatchObject({ hasStandardCentralSchool: true, hasServiceCentre: false });
    const [county] = records(await parse(csv('countyId,ruralRegisteredPopulation', 'C1,25700'), CountySchema));
    expect(county?.ruralRegisteredPopulation).toBe(25700);
  });

  it('reads an empty cell as missing, for every kind of column', async () => {
    const [household] = records(await parse(csv(`${HOUSEHOLD_HEADER},incomePerCapita,electricity,members,note`, 'H1,V1,poor,,,,'), HouseholdSchema));
    expect(household).toMatchObject({ incomePerCapita: null, electricity: null, members: null, note: null });
  });

  it('handles quoted cells with commas, doubled quotes and line breaks', async () => {
    const content = csv('townshipId,countyId,name', 'T1,C1,"Town, ""Upper""', 'and Lower"', 'T2,C1,plain');
    const [first, second] = records(await parse(content, TownshipSchema));
    expect(first?.name).toBe('Town, "Upper"\nand Lower');
    expect(second?.name).toBe('plain');
  });

  it('reports each row at the line it starts on, past blank lines and multi-line cells', async () => {
    const content = csv(`${HOUSEHOLD_HEADER},note`, '', 'H1,V1,poor,"one', 'two', 'three"', '', 'H2,V1,rich,x');
    const results = await parse(content, HouseholdSchema, 'householdId');
    expect(results[0]).toMatchObject({ ok: true, line: 3 });
    expect(results[1]).toMatchObject({ ok: false, rejected: { line: 7, field: 'status', id: 'H2' } });
  });

  it('keeps a line break inside a quoted cell of a CRLF file as \\n', async () => {
    const [township] = records(await parse('townshipId,countyId,name\r\nT1,C1,"a\r\nb"\r\n', TownshipSchema));
    expect(township?.name).toBe('a\nb');
  });

  it('strips a byte-order mark before the header', async () => {
    expect(records(await parse(`\uFEFF${csv('countyId', 'C1')}`, CountySchema))).toHaveLength(1);
  });

  it('reads list columns as JSON', async () => {
    const members = '"[{""memberId"":""m1"",""age"":44},{""memberId"":""m2"",""age"":12}]"';
    const [household] = records(await parse(csv(`${HOUSEHOLD_HEADER},members`, `H1,V1,poor,${members}`), HouseholdSchema));
    expect(household?.members?.map((m) => [m.memberId, m.age])).toEqual([
      ['m1', 44],
      ['m2', 12],
    ]);
  });

  it('builds nested objects from dotted columns', async () => {
    const content = csv(`${HOUSEHOLD_HEADER},housing.hasHouse,housing.safetyGrade`, 'H1,V1,poor,true,B');
    const [household] = records(await parse(content, HouseholdSchema));
    expect(household?.housing).toEqual({ hasHouse: true, safetyGrade: 'B', relocated: null, movedIn: null });
  });

  it('reads an object whose dotted cells are all empty as missing', async () => {
    const [county] = records(await parse(csv('countyId,survey.exitedSampled,survey.omitted', 'C1,,'), CountySchema));
    expect(county?.survey).toBeNull();
  });

  it('reads a whole object from a column named after the field, with dotted cells laid on top', async () => {
    const content = csv(`${HOUSEHOLD_HEADER},water,water.fetchMinutes`, 'H1,V1,poor,"{""qualityOk"":true,""fetchMinutes"":30}",10');
    const [household] = records(await parse(content, HouseholdSchema));
    expect(household?.water).toEqual({ qualityOk: true, litresPerPersonDay: null, fetchMinutes: 10, reliabilityPct: null });
    const [unit] = records(await parse(csv('unitId,countyId,principal', 'U1,C1,"{""name"":""李四"",""title"":""局长""}"'), AssistingUnitSchema));
    expect(unit?.principal).toEqual({ name: '李四', title: '局长' });
  });

  it('rejects a dotted cell that cannot go inside its whole-object cell', async () => {
    const [rejected] = rejections(await parse(csv(`${HOUSEHOLD_HEADER},water,water.fetchMinutes`, 'H1,V1,poor,5,10'), HouseholdSchema));
    expect(rejected).toMatchObject({ line: 2, field: 'water.fetchMinutes', reason: 'water is 5, not an object' });
  });

  it('keeps unknown columns as text, inside a known object when dotted under it', async () => {
    const [household] = records(await parse(csv(`${HOUSEHOLD_HEADER},note,housing.material,extra.x`, 'H1,V1,poor,42,brick,1'), HouseholdSchema));
    expect(household?.['note']).toBe('42');
    expect(household?.housing?.['material']).toBe('brick');
    expect(household?.['extra.x']).toBe('1');
  });

  it.each([
    ['incomePerCapita', 'abc', 'expected a number, got "abc"'],
    ['incomePerCapita', '0x10', 'expected a number, got "0x10"'],
    ['incomePerCapita', '1,5', null],
    ['electricity', 'yes', 'expected 是/否 or true/false, got "yes"'],
    ['electricity', '1', 'expected 是/否 or true/false, got "1"'],
    ['housing.safetyGrade', 'E', 'expected one of A A级（安全）, B B级（基本安全）, C C级危房（局部危险）, D D级危房（整栋危险） / 应为以下之一, got "E"'],
    ['registeredYear', '2014.5', 'expected a whole number, got 2014.5'],
  ])('rejects the %s cell %j naming the column', async (column, cell, reason) => {
    const quoted = cell.includes(',') ? `"${cell}"` : cell;
    const results = await parse(csv(`${HOUSEHOLD_HEADER},${column}`, `H1,V1,poor,${quoted}`), HouseholdSchema, 'householdId');
    const [rejected] = rejections(results);
    expect(rejected).toMatchObject({ file: 'data.csv', line: 2, field: column, id: 'H1' });
    if (reason !== null) expect(rejected?.reason).toBe(reason);
  });

  it('rejects a JSON cell that is not JSON, naming the column', async () => {
    const [rejected] = rejections(await parse(csv(`${HOUSEHOLD_HEADER},members`, 'H1,V1,poor,[{memberId:m1}]'), HouseholdSchema));
    expect(rejected).toMatchObject({ line: 2, field: 'members' });
    expect(rejected?.reason).toMatch(/^expected JSON, got "\[\{memberId:m1\}\]"/);
  });

  it('lists every bad cell of a row in the reason, each with its column', async () => {
    const [rejected] = rejections(await parse(csv(`${HOUSEHOLD_HEADER},incomePerCapita,electricity`, 'H1,V1,poor,abc,maybe'), HouseholdSchema));
    expect(rejected).toMatchObject({ field: 'incomePerCapita', reason: 'expected a number, got "abc"; electricity: expected 是/否 or true/false, got "maybe"' });
  });

  it('lists the schema problems of the other cells beside the cells that could not be read', async () => {
    const header = `${HOUSEHOLD_HEADER},incomePerCapita,registeredYear,housing.safetyGrade`;
    const [rejected] = rejections(await parse(csv(header, 'H1,V1,rich,abc,99999,E'), HouseholdSchema, 'householdId'));
    expect(rejected).toEqual({
      file: 'data.csv',
      line: 2,
      field: 'status',
      reason:
        'expected one of poor 未脱贫, exited 已脱贫, returned 返贫, applicant 申请中, non-poor 非贫困户 / 应为以下之一, got "rich"; incomePerCapita: expected a number, got "abc"; housing.safetyGrade: expected one of A A级（安全）, B B级（基本安全）, C C级危房（局部危险）, D D级危房（整栋危险） / 应为以下之一, got "E"; registeredYear: expected at most 2100, got 99999',
      id: 'H1',
    });
  });

  it('rejects a row with more or fewer cells than the header and reads the next', async () => {
    const results = await parse(csv(HOUSEHOLD_HEADER, 'H1,V1', 'H2,V1,poor,extra', 'H3,V1,poor'), HouseholdSchema);
    expect(rejections(results)).toEqual([
      { file: 'data.csv', line: 2, field: '(row)', reason: 'expected 3 cells as in the header, got 2' },
      { file: 'data.csv', line: 3, field: '(row)', reason: 'expected 3 cells as in the header, got 4' },
    ]);
    expect(records(results).map((h) => h.householdId)).toEqual(['H3']);
  });

  it('rejects text after a closing quote', async () => {
    const [rejected] = rejections(await parse(csv('townshipId,countyId,name', 'T1,C1,"a"b'), TownshipSchema));
    expect(rejected).toMatchObject({ line: 2, field: '(row)', reason: 'unexpected text after a closing quote in cell 3' });
  });

  it('rejects a row whose quote is never closed, at the line it starts on', async () => {
    const results = await parse(csv('townshipId,countyId,name', 'T1,C1,ok', 'T2,C1,"open', 'T3,C1,lost'), TownshipSchema);
    expect(rejections(results)).toEqual([{ file: 'data.csv', line: 3, field: '(row)', reason: 'a quote is never closed' }]);
    expect(records(results)).toHaveLength(1);
  });

  it('gives up on an overlong quoted cell and resumes on the next line', async () => {
    const lines = readLines(text(csv('townshipId,countyId,name', 'T1,C1,"open', 'more', 'T2,C1,fine')));
    const results = await collect(parseCsv(lines, 'data.csv', TownshipSchema, { maxRecordChars: 12 }));
    expect(rejections(results)).toMatchObject([{ line: 2, field: '(row)' }]);
    expect(records(results).map((t) => t.townshipId)).toEqual(['T2']);
  });

  it('keeps a quote inside an unquoted cell as text', async () => {
    const [township] = records(await parse(csv('townshipId,countyId,name', 'T1,C1,say "hi"'), TownshipSchema));
    expect(township?.name).toBe('say "hi"');
  });

  it.each([
    ['countyId,name,countyId', /column countyId appears twice/],
    ['countyId,,name', /column 2 has no name/],
    ['countyId,ruralRegisteredPopulation.x', /ruralRegisteredPopulation is not an object/],
  ])('refuses the header %j', async (header, message) => {
    await expect(parse(csv(header, 'C1,a,b'), CountySchema)).rejects.toThrow(message);
    await expect(parse(csv(header, 'C1,a,b'), CountySchema)).rejects.toBeInstanceOf(CsvHeaderError);
  });

  it('refuses dotted columns into a list, which must come as JSON', async () => {
    await expect(parse(csv(`${HOUSEHOLD_HEADER},members.age`, 'H1,V1,poor,4'), HouseholdSchema)).rejects.toMatchObject({ code: 'CSV_HEADER' });
  });

  it('yields nothing for an empty file', async () => {
    expect(await parse('', CountySchema)).toEqual([]);
  });
});
