import type { Located } from '../../../src/records/located.js';

/** Raw (unparsed) records for the schemas and parsers: valid by default, overridden per test. */
type Raw = Record<string, unknown>;

export function aMember(overrides: Raw = {}): Raw {
  return {
    memberId: 'm1',
    age: 44,
    schooling: 'not-applicable',
    medicalInsurance: true,
    criticalIllnessInsurance: true,
    fiscalPayroll: false,
    villageCadre: false,
    seriousIllness: false,
    ...overrides,
  };
}

export function aHousehold(overrides: Raw = {}): Raw {
  return {
    householdId: '513336-01-003-0042',
    villageId: '513336-01-003',
    status: 'poor',
    registeredYear: 2014,
    returnedYear: null,
    plannedExitYear: 2018,
    incomePerCapita: 4210.5,
    members: [aMember(), aMember({ memberId: 'm2', age: 12, schooling: 'enrolled' })],
    housing: { hasHouse: true, safetyGrade: 'B', relocated: false, movedIn: null },
    water: { qualityOk: true, litresPerPersonDay: 60, fetchMinutes: 0, reliabilityPct: 98 },
    electricity: true,
    radioTv: true,
    assets: { townProperty: false, vehicleValue: 0, ownsBusiness: false, hiresLabour: false },
    awayMonths: 0,
    splitHousehold: false,
    spending: { medicalSelfPaid: 800, education: 1200, disasterLoss: 0 },
    notices: [{ stage: 'village', start: '2018-03-01', end: '2018-03-08' }],
    ...overrides,
  };
}

export function aCounty(overrides: Raw = {}): Raw {
  return {
    countyId: '513336',
    name: '乡城县',
    province: '四川',
    region: 'west',
    ruralRegisteredPopulation: 25700,
    survey: { exitedSampled: 1200, wronglyExited: 9, unregisteredSampled: 3000, omitted: 21, householdsSurveyed: 800, householdsApproving: 760 },
    ...overrides,
  };
}

export function aTownship(overrides: Raw = {}): Raw {
  return {
    townshipId: '513336-01',
    countyId: '513336',
    name: '青德镇',
    hasStandardCentralSchool: true,
    hasQualifiedHealthCentre: true,
    hasServiceCentre: true,
    principal: { name: '张三', title: '乡镇党委书记' },
    ...overrides,
  };
}

export function aVillage(overrides: Raw = {}): Raw {
  return {
    villageId: '513336-01-003',
    townshipId: '513336-01',
    countyId: '513336',
    name: '仲德村',
    ruralRegisteredPopulation: 812,
    collectiveIncome: 36000,
    hasHardenedRoad: true,
    hasStandardClinic: true,
    hasCultureRoom: true,
    hasNetwork: true,
    assistingUnitId: 'U-017',
    ...overrides,
  };
}

export function aUnit(overrides: Raw = {}): Raw {
  return { unitId: 'U-017', countyId: '513336', name: '县交通运输局', principal: { name: '李四', title: '局长' }, ...overrides };
}

export function aCard(overrides: Raw = {}): Raw {
  return { unitType: 'township', unitId: '513336-01', quarter: '2018Q2', card: 'yellow-card', ...overrides };
}

/** Lines as a parser receives them from a file. */
export async function* linesOf(...lines: string[]): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

/** The lines of a JSON Lines file holding these values (strings are taken as raw lines). */
export function jsonLines(...values: unknown[]): AsyncGenerator<string> {
  return linesOf(...values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))));
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Records placed in a file, one per line from line 1, for the reference checks. */
export function located<T>(file: string, records: readonly T[]): Located<T>[] {
  return records.map((record, index) => ({ file, line: index + 1, record }));
}
