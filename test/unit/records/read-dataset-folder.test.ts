import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetFolderError } from '../../../src/adapters/file/dataset-folder-error.js';
import { readDatasetFolder, streamDatasetFile } from '../../../src/adapters/file/read-dataset-folder.js';
import { formatRejectedRow } from '../../../src/records/parsing/rejected-row.js';
import { DatasetEncodingError } from '../../../src/records/record-errors.js';
import { rawCounty, rawHousehold, rawTownship, rawVillage } from '../../helpers/builders.js';
import { collect } from '../../helpers/record-lines.js';
import { gb18030, joinBytes, utf16WithBom, utf8 } from './parsing/text-encodings.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}/`, import.meta.url));

const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** A fresh folder holding these files, each given as its lines. */
async function folderWith(files: Record<string, unknown[]>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tuopin-dataset-'));
  temporary.push(dir);
  for (const [name, rows] of Object.entries(files)) {
    await writeFile(join(dir, name), rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n'));
  }
  return dir;
}

const minimal = { 'counties.jsonl': [rawCounty()], 'townships.jsonl': [rawTownship()], 'villages.jsonl': [rawVillage({ assistingUnitId: null })], 'households.jsonl': [rawHousehold()] };

describe('readDatasetFolder on the worked example', () => {
  it('reads every record and rejects none', async () => {
    const dataset = await readDatasetFolder(fixture('example'));
    expect(dataset.rejected.map(formatRejectedRow)).toEqual([]);
    expect([dataset.counties, dataset.townships, dataset.villages, dataset.units, dataset.households, dataset.cardHistory].map((rows) => rows.length)).toEqual([
      2, 10, 24, 14, 382, 35,
    ]);
  });

  it('has every household the expected verdicts name', async () => {
    const dataset = await readDatasetFolder(fixture('example'));
    const expected = JSON.parse(await readFile(join(fixture('example'), 'expected.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    const named = ['household-exit', 'identification', 'return-risk'].flatMap((standard) => Object.keys(expected[standard] ?? {}));
    const read = new Set(dataset.households.map((h) => h.householdId));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !read.has(id))).toEqual([]);
  });
});

describe('readDatasetFolder on a CSV dataset', () => {
  it('reads every file with nothing rejected', async () => {
    const dataset = await readDatasetFolder(fixture('csv-dataset'));
    expect(dataset.rejected.map(formatRejectedRow)).toEqual([]);
    expect([dataset.counties, dataset.townships, dataset.villages, dataset.units, dataset.households, dataset.cardHistory].map((rows) => rows.length)).toEqual([
      2, 2, 2, 1, 3, 2,
    ]);
  });

  it('reads ids, quoted names, dotted columns, JSON cells and empty cells as the contract means them', async () => {
    const { counties, townships, villages, units, households, cardHistory } = await readDatasetFolder(fixture('csv-dataset'));
    expect(counties[0]?.survey).toEqual({ exitedSampled: 1200, wronglyExited: 9, unregisteredSampled: 3000, omitted: 21, householdsSurveyed: 800, householdsApproving: 760 });
    expect(counties[1]).toEqual({ countyId: '000123', name: 'Zero, County', province: '四川', region: null, ruralRegisteredPopulation: null, survey: null });
    expect(townships.map((t) => [t.name, t.hasStandardCentralSchool, t.hasServiceCentre, t.principal?.name ?? null])).toEqual([
      ['青德镇', true, false, '张三'],
      ['Town "Quoted"', null, null, null],
    ]);
    expect(units[0]?.principal).toEqual({ name: '李四', title: '局长' });
    expect(villages[1]).toMatchObject({ villageId: '000123-01-001', name: 'Village\non two lines', collectiveIncome: -500, assistingUnitId: null });
    const [full, partial, empty] = households;
    expect(full).toMatchObject({
      householdId: '513336-01-003-0042',
      registeredYear: 2014,
      returnedYear: null,
      incomePerCapita: 4210.5,
      housing: { hasHouse: true, safetyGrade: 'B', relocated: false, movedIn: null },
      water: { qualityOk: true, litresPerPersonDay: 60, fetchMinutes: 0, reliabilityPct: 98 },
      notices: [{ stage: 'village', start: '2018-03-01', end: '2018-03-08' }],
      assets: null,
      note: 'ok',
    });
    expect(full?.members?.map((m) => [m.memberId, m.age, m.schooling, m.fiscalPayroll])).toEqual([
      ['m1', 44, 'not-applicable', false],
      ['m2', 12, 'enrolled', null],
    ]);
    expect(partial).toMatchObject({ status: 'exited', housing: null, note: 'line one\nline two, with a comma' });
    expect(empty).toMatchObject({ householdId: '000123-01-001-0001', status: 'applicant', members: null, incomePerCapita: null, electricity: null });
    expect(cardHistory.map((c) => c.card)).toEqual(['yellow-card', null]);
  });

  it('streams the households with the line each starts on', async () => {
    const results = await collect(streamDatasetFile(fixture('csv-dataset'), 'households'));
    expect(results.map((r) => (r.ok ? `${r.file}:${r.line}` : 'rejected'))).toEqual(['households.csv:2', 'households.csv:3', 'households.csv:5']);
  });
});

/** A copy of a fixture folder with every file re-encoded (a byte-order mark in the original is dropped first). */
async function reencoded(name: string, encode: (text: string) => Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tuopin-encoded-'));
  temporary.push(dir);
  for (const file of await readdir(fixture(name))) {
    const text = (await readFile(join(fixture(name), file), 'utf8')).replace(/^\uFEFF/, '');
    await writeFile(join(dir, file), encode(text));
  }
  return dir;
}

describe('readDatasetFolder on files saved in other encodings', () => {
  it.each([
    ['GB18030 (Excel or WPS on Chinese Windows)', gb18030],
    ['UTF-16LE with a byte-order mark', (text: string) => utf16WithBom(text, 'le')],
    ['UTF-8 with a byte-order mark', (text: string) => joinBytes(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(text))],
  ])('reads the CSV dataset saved as %s exactly as in UTF-8, officials\' names and all', async (_, encode) => {
    const original = await readDatasetFolder(fixture('csv-dataset'));
    const dataset = await readDatasetFolder(await reencoded('csv-dataset', encode));
    expect(dataset).toEqual(original);
    expect(dataset.townships[0]?.principal).toEqual({ name: '张三', title: '乡镇党委书记' });
  });

  it('refuses a file with bytes that are not text, naming the file, the encoding and the line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tuopin-encoded-'));
    temporary.push(dir);
    await cp(fixture('csv-dataset'), dir, { recursive: true });
    const lines = (await readFile(join(dir, 'townships.csv'), 'utf8')).split('\n');
    // The second township's name as GBK bytes in a UTF-8 file: what a copy-and-paste between two exports leaves.
    await writeFile(join(dir, 'townships.csv'), joinBytes(utf8(`${lines[0]}\n${lines[1]}\n000123-01,000123,`), gb18030('正斗乡'), utf8(',,,,,\n')));
    const error = await readDatasetFolder(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetEncodingError);
    expect(error).toMatchObject({ code: 'DATASET_ENCODING', file: 'townships.csv', encoding: 'utf-8', line: 3 });
    expect((error as Error).message).not.toContain('\uFFFD');
  });
});

describe('readDatasetFolder on a malformed dataset', () => {
  it('rejects each bad row at its file, line and field', async () => {
    const { rejected } = await readDatasetFolder(fixture('malformed-dataset'));
    expect(rejected.map((r) => [r.file, r.line, r.field, r.id])).toEqual([
      ['counties.jsonl', 2, 'region', 'C2'],
      ['counties.jsonl', 4, 'countyId', 'C1'],
      ['townships.jsonl', 2, 'countyId', 'T2'],
      ['villages.jsonl', 2, 'townshipId', 'V2'],
      ['households.jsonl', 2, 'status', 'H2'],
      ['households.jsonl', 3, 'incomePerCapita', 'H3'],
      ['households.jsonl', 4, 'villageId', 'H4'],
      ['households.jsonl', 5, 'villageId', 'H5'],
      ['households.jsonl', 6, 'householdId', 'H1'],
      ['households.jsonl', 7, '(line)', undefined],
      ['households.jsonl', 9, 'members.1.age', 'H9'],
      ['households.jsonl', 10, 'housing.safetyGrade', 'H10'],
      ['card-history.jsonl', 2, 'quarter', 'T1'],
      ['card-history.jsonl', 3, 'unitId', 'U1'],
      ['card-history.jsonl', 4, 'quarter', 'T1'],
    ]);
  });

  it('says why each row was rejected', async () => {
    const { rejected } = await readDatasetFolder(fixture('malformed-dataset'));
    const reasons = rejected.filter((r) => r.field !== '(line)').map(formatRejectedRow);
    expect(reasons).toEqual([
      'counties.jsonl:2: region: expected one of west, central, east, got "north"',
      'counties.jsonl:4: countyId: duplicate countyId "C1", first on line 1',
      'townships.jsonl:2: countyId: unknown county "C2"',
      'villages.jsonl:2: townshipId: township "T2" was rejected (townships.jsonl:2)',
      'households.jsonl:2: status: expected one of poor, exited, returned, applicant, non-poor, got "rich"',
      'households.jsonl:3: incomePerCapita: expected a number, got "abc"',
      'households.jsonl:4: villageId: unknown village "V9"',
      'households.jsonl:5: villageId: village "V2" was rejected (villages.jsonl:2)',
      'households.jsonl:6: householdId: duplicate householdId "H1", first on line 1',
      'households.jsonl:9: members.1.age: expected at least 0, got -1',
      'households.jsonl:10: housing.safetyGrade: expected one of A, B, C, D, got "E"; electricity: expected true or false, got "yes"',
      'card-history.jsonl:2: quarter: expected a quarter like 2018Q3, got "2018Q5"',
      'card-history.jsonl:3: unitId: unknown assisting unit "U1"',
      'card-history.jsonl:4: quarter: duplicate card of township "T1" for 2018Q3, first on line 1',
    ]);
  });

  it('lets every good row through, extra fields and all', async () => {
    const dataset = await readDatasetFolder(fixture('malformed-dataset'));
    expect(dataset.counties.map((c) => c.countyId)).toEqual(['C1']);
    expect(dataset.townships.map((t) => t.townshipId)).toEqual(['T1']);
    expect(dataset.villages.map((v) => v.villageId)).toEqual(['V1']);
    expect(dataset.units).toEqual([]);
    expect(dataset.households.map((h) => h.householdId)).toEqual(['H1', 'H11']);
    expect(dataset.households[1]?.['source']).toBe('回头看 2018');
    expect(dataset.cardHistory).toEqual([{ unitType: 'township', unitId: 'T1', quarter: '2018Q3', card: 'yellow-card' }]);
  });
});

describe('readDatasetFolder on a folder that is not a dataset', () => {
  it('refuses a folder that does not exist', async () => {
    const missing = join(tmpdir(), 'tuopin-no-such-dataset');
    await expect(readDatasetFolder(missing)).rejects.toBeInstanceOf(DatasetFolderError);
    await expect(readDatasetFolder(missing)).rejects.toMatchObject({ code: 'DATASET_FOLDER', message: expect.stringContaining('does not exist') });
  });

  it('names every required file that is missing', async () => {
    const dir = await folderWith({ 'counties.jsonl': [rawCounty()] });
    await expect(readDatasetFolder(dir)).rejects.toThrow(
      'missing townships.jsonl or townships.csv or townships.xlsx or a workbook sheet named townships/乡镇, villages.jsonl or villages.csv or villages.xlsx or a workbook sheet named villages/村, households.jsonl or households.csv or households.xlsx or a workbook sheet named households/农户',
    );
  });

  it('refuses a kind given both as JSON Lines and as CSV, naming both files', async () => {
    const dir = await folderWith({ ...minimal, 'households.csv': ['householdId,villageId,status'] });
    await expect(readDatasetFolder(dir)).rejects.toThrow(/both households\.jsonl and households\.csv/);
  });

  it('reads a dataset without units or card history', async () => {
    const dataset = await readDatasetFolder(await folderWith(minimal));
    expect(dataset.rejected).toEqual([]);
    expect([dataset.units, dataset.cardHistory]).toEqual([[], []]);
    expect(dataset.households).toHaveLength(1);
  });
});

describe('streamDatasetFile', () => {
  it('yields nothing for an optional kind without a file', async () => {
    expect(await collect(streamDatasetFile(await folderWith(minimal), 'cardHistory'))).toEqual([]);
  });

  it('refuses a required kind without a file', async () => {
    const dir = await folderWith({ 'counties.jsonl': [rawCounty()] });
    await expect(collect(streamDatasetFile(dir, 'households'))).rejects.toThrow('households.jsonl or households.csv or households.xlsx or a workbook sheet named households/农户 is missing');
  });

  it('yields rejections in line with the records', async () => {
    const dir = await folderWith({ ...minimal, 'households.jsonl': [rawHousehold({ householdId: 'H1' }), '', 'not json', rawHousehold({ householdId: 'H4' })] });
    const results = await collect(streamDatasetFile(dir, 'households'));
    expect(results.map((r) => (r.ok ? r.line : `rejected ${r.rejected.line}`))).toEqual([1, 'rejected 3', 4]);
  });
});
