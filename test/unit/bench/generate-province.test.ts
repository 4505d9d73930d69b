import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GenerateOptionsError } from '../../../bench/generate-options-error.js';
import { datasetFiles, writeProvince, type DatasetFile } from '../../../bench/generate-province.js';
import type { ProvinceOptions } from '../../../bench/province-options.js';

type Row = Record<string, unknown>;

const created: string[] = [];

afterAll(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A small province's options; override what a test is about. */
function options(overrides: Partial<ProvinceOptions> = {}): ProvinceOptions {
  return { seed: 11, households: 600, counties: 2, ...overrides };
}

async function generate(overrides: Partial<ProvinceOptions> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'tuopin-generate-'));
  created.push(dir);
  const result = await writeProvince(options(overrides), dir);
  return { dir, ...result };
}

async function readText(dir: string, file: DatasetFile): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

async function readRows(dir: string, file: DatasetFile): Promise<Row[]> {
  const text = await readText(dir, file);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Row);
}

// Field names of docs/data-contract.md: [required, optional].
const fields: Record<DatasetFile, [string[], string[]]> = {
  'counties.jsonl': [['countyId', 'name', 'province', 'region', 'ruralRegisteredPopulation'], ['survey']],
  'townships.jsonl': [
    ['townshipId', 'countyId', 'name', 'hasStandardCentralSchool', 'hasQualifiedHealthCentre', 'hasServiceCentre', 'principal'],
    [],
  ],
  'villages.jsonl': [
    [
      'villageId', 'townshipId', 'countyId', 'name', 'ruralRegisteredPopulation', 'collectiveIncome',
      'hasHardenedRoad', 'hasStandardClinic', 'hasCultureRoom', 'hasNetwork', 'assistingUnitId',
    ],
    [],
  ],
  'units.jsonl': [['unitId', 'countyId', 'name', 'principal'], []],
  'households.jsonl': [
    [
      'householdId', 'villageId', 'status', 'registeredYear', 'returnedYear', 'plannedExitYear', 'members',
      'housing', 'water', 'electricity', 'radioTv', 'assets', 'awayMonths', 'splitHousehold', 'spending',
    ],
    ['incomePerCapita', 'notices'],
  ],
  'card-history.jsonl': [['unitType', 'unitId', 'quarter', 'card'], []],
};
const nested: Record<string, string[]> = {
  survey: ['exitedSampled', 'wronglyExited', 'unregisteredSampled', 'omitted', 'householdsSurveyed', 'householdsApproving'],
  principal: ['name', 'title'],
  member: [
    'memberId', 'age', 'schooling', 'medicalInsurance', 'criticalIllnessInsurance', 'fiscalPayroll', 'villageCadre', 'seriousIllness',
  ],
  housing: ['hasHouse', 'safetyGrade', 'relocated', 'movedIn'],
  water: ['qualityOk', 'litresPerPersonDay', 'fetchMinutes', 'reliabilityPct'],
  assets: ['townProperty', 'vehicleValue', 'ownsBusiness', 'hiresLabour'],
  spending: ['medicalSelfPaid', 'education', 'disasterLoss'],
  notice: ['stage', 'start', 'end'],
};

function keysOf(value: unknown): string[] {
  return Object.keys(value as object).sort();
}

/** The problems of one record against the field names of docs/data-contract.md (empty when it conforms). */
function shapeProblems(file: DatasetFile, row: Row): string[] {
  const [required, optional] = fields[file];
  const problems = [
    ...required.filter((key) => !(key in row)).map((key) => `missing ${key}`),
    ...Object.keys(row).filter((key) => !required.includes(key) && !optional.includes(key)).map((key) => `unexpected ${key}`),
  ];
  const expectKeys = (label: string, value: unknown, names: string[]): void => {
    if (JSON.stringify(keysOf(value)) !== JSON.stringify([...names].sort())) problems.push(`${label} has keys ${keysOf(value).join(',')}`);
  };
  for (const key of ['survey', 'principal', 'housing', 'water', 'assets', 'spending']) {
    if (row[key] !== undefined) expectKeys(key, row[key], nested[key] as string[]);
  }
  for (const member of (row.members as unknown[] | undefined) ?? []) expectKeys('member', member, nested.member as string[]);
  for (const notice of (row.notices as unknown[] | undefined) ?? []) expectKeys('notice', notice, nested.notice as string[]);
  return problems;
}

describe('writeProvince', () => {
  it('writes byte-identical files for the same seed and size', async () => {
    const first = await generate();
    const second = await generate();
    for (const file of datasetFiles) {
      expect(await readText(second.dir, file), file).toBe(await readText(first.dir, file));
    }
  });

  it('writes different households for a different seed', async () => {
    const first = await generate({ seed: 11 });
    const other = await generate({ seed: 12 });
    expect(await readText(other.dir, 'households.jsonl')).not.toBe(await readText(first.dir, 'households.jsonl'));
  });

  it.each([1, 7, 250, 1234])('writes exactly the %i households asked for', async (households) => {
    const { dir, counts } = await generate({ households, counties: undefined });
    const rows = await readRows(dir, 'households.jsonl');
    expect(rows).toHaveLength(households);
    expect(counts['households.jsonl']).toBe(households);
    expect(new Set(rows.map((row) => row.householdId)).size).toBe(households);
  });

  it('writes every record as a JSON line with the field names of docs/data-contract.md', async () => {
    const { dir, counts } = await generate();
    for (const file of datasetFiles) {
      const rows = await readRows(dir, file);
      expect(rows.length, file).toBe(counts[file]);
      expect(rows.length, file).toBeGreaterThan(0);
      const problems = rows.flatMap((row) => shapeProblems(file, row).map((p) => `${file}: ${p}`));
      expect(problems).toEqual([]);
    }
  });

  it('links every household to a village and every village to its township, county and unit', async () => {
    const { dir } = await generate({ households: 2000, counties: 3 });
    const ids = async (file: DatasetFile, key: string) => new Set((await readRows(dir, file)).map((row) => row[key]));
    const counties = await ids('counties.jsonl', 'countyId');
    const townships = await readRows(dir, 'townships.jsonl');
    const townshipIds = new Set(townships.map((t) => t.townshipId));
    const units = await readRows(dir, 'units.jsonl');
    const unitIds = new Set(units.map((u) => u.unitId));
    const villages = await readRows(dir, 'villages.jsonl');
    const villageIds = new Set(villages.map((v) => v.villageId));
    const households = await readRows(dir, 'households.jsonl');
    const history = await readRows(dir, 'card-history.jsonl');

    expect(households.filter((h) => !villageIds.has(h.villageId))).toEqual([]);
    expect(villages.filter((v) => !townshipIds.has(v.townshipId) || !counties.has(v.countyId) || !unitIds.has(v.assistingUnitId))).toEqual([]);
    expect(townships.filter((t) => !counties.has(t.countyId))).toEqual([]);
    expect(units.filter((u) => !counties.has(u.countyId))).toEqual([]);
    expect(history.filter((r) => !(r.unitType === 'township' ? townshipIds : unitIds).has(r.unitId))).toEqual([]);
  });

  it('pairs every assisting unit with one to five villages of its own county', async () => {
    const { dir } = await generate({ households: 5000, counties: 2 });
    const units = await readRows(dir, 'units.jsonl');
    const villages = await readRows(dir, 'villages.jsonl');
    for (const unit of units) {
      const paired = villages.filter((v) => v.assistingUnitId === unit.unitId);
      expect(paired.length, String(unit.unitId)).toBeGreaterThanOrEqual(1);
      expect(paired.length, String(unit.unitId)).toBeLessThanOrEqual(5);
      expect(paired.every((v) => v.countyId === unit.countyId)).toBe(true);
    }
  });

  it('gives each village a population at least the members of its listed households', async () => {
    const { dir } = await generate({ households: 3000 });
    const members = new Map<unknown, number>();
    for (const h of await readRows(dir, 'households.jsonl')) {
      members.set(h.villageId, (members.get(h.villageId) ?? 0) + (h.members as unknown[]).length);
    }
    const villages = (await readRows(dir, 'villages.jsonl')).filter((v) => v.ruralRegisteredPopulation !== null);
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.filter((v) => (v.ruralRegisteredPopulation as number) < (members.get(v.villageId) ?? 0))).toEqual([]);
  });

  it('writes card history only for quarters before the assessment quarter', async () => {
    const { dir } = await generate({ households: 3000, quarter: '2018Q2' });
    const quarters = new Set((await readRows(dir, 'card-history.jsonl')).map((r) => r.quarter));
    const earlier = ['2017Q1', '2017Q2', '2017Q3', '2017Q4', '2018Q1'];
    expect(quarters.size).toBeGreaterThan(0);
    expect([...quarters].filter((q) => !earlier.includes(String(q)))).toEqual([]);
  });

  it('lays out the sample profile as one western county of 4–6 townships, 30–50 villages and 8–12 units', async () => {
    const { counts, dir } = await generate({ households: 3400, profile: 'sample', counties: undefined });
    const [county] = await readRows(dir, 'counties.jsonl');
    expect(counts['counties.jsonl']).toBe(1);
    expect(county).toMatchObject({ region: 'west', name: '乡城县' });
    expect(counts['townships.jsonl']).toBeGreaterThanOrEqual(4);
    expect(counts['townships.jsonl']).toBeLessThanOrEqual(6);
    expect(counts['villages.jsonl']).toBeGreaterThanOrEqual(30);
    expect(counts['villages.jsonl']).toBeLessThanOrEqual(50);
    expect(counts['units.jsonl']).toBeGreaterThanOrEqual(8);
    expect(counts['units.jsonl']).toBeLessThanOrEqual(12);
  });

  it('rejects options it cannot honour with a GenerateOptionsError', async () => {
    await expect(generate({ households: 0 })).rejects.toBeInstanceOf(GenerateOptionsError);
    await expect(generate({ quarter: '2018-4' })).rejects.toBeInstanceOf(GenerateOptionsError);
    await expect(generate({ quarter: '2030Q1' })).rejects.toMatchObject({ code: 'GENERATE_OPTIONS_INVALID' });
  });
});
