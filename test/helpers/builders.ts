import type { Condition } from '../../src/engine/condition-schema.js';
import { RuleSetSchema, type RuleSet, type RuleSetInput } from '../../src/engine/rule-set-schema.js';
import type { ItemOutcome } from '../../src/engine/verdict.js';
import {
  AssistingUnitSchema,
  CardHistoryEntrySchema,
  CountySchema,
  HouseholdSchema,
  MemberSchema,
  TownshipSchema,
  VillageSchema,
  type AssistingUnit,
  type CardHistoryEntry,
  type County,
  type Household,
  type Member,
  type Township,
  type Village,
} from '../../src/records/records.js';
import type { AccountableUnit, Card, CardRecord, HouseholdExitSummary } from '../../src/standards/accountability/accountability-input.js';

/**
 * The one module of test builders. Records come in two forms with the same defaults: `rawX`
 * gives the record as a file holds it (unparsed, so a test may break it on purpose and hand it
 * to a schema or a reader), `aX` the same record parsed by the data contract's own schema, so a
 * test never runs on a record the importer would refuse. Every builder takes overrides; a nested
 * object given as an override (`{ water: { fetchMinutes: 30 } }`) is merged into the default
 * one, anything else (a list, null, a scalar) replaces it; fields the contract does not name
 * are kept, as the readers keep them. Accountability's household summaries and rule-set
 * documents follow.
 */

/** A record as a file holds it, before any schema has read it. */
export type Raw = Record<string, unknown>;

/** Overrides of a record: nested objects may be given in part, unknown fields are kept. */
export type Overrides<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends readonly unknown[]
    ? T[K]
    : NonNullable<T[K]> extends object
      ? Partial<NonNullable<T[K]>> | null
      : T[K];
} & Raw;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merged(base: Record<string, unknown>, overrides: object): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const before = result[key];
    result[key] = isPlainObject(value) && isPlainObject(before) ? { ...before, ...value } : value;
  }
  return result;
}

/** An adult member, insured, with none of the identification flags. */
export function rawMember(overrides: Raw = {}): Raw {
  return merged(
    {
      memberId: 'M-1',
      age: 44,
      schooling: 'not-applicable',
      medicalInsurance: true,
      criticalIllnessInsurance: true,
      fiscalPayroll: false,
      villageCadre: false,
      seriousIllness: false,
    },
    overrides,
  );
}

/**
 * A poor household registered in 2014 that meets every item of household exit in every year of
 * the tables (income 5200 is above the 2020 line of 4000, but below 1.5 × the 2018 line), with
 * an adult and a schoolchild, and two public notices of 7 days.
 */
export function rawHousehold(overrides: Raw = {}): Raw {
  return merged(
    {
      householdId: 'H-0001',
      villageId: 'V-001',
      status: 'poor',
      registeredYear: 2014,
      returnedYear: null,
      plannedExitYear: 2018,
      incomePerCapita: 5200,
      members: [rawMember(), rawMember({ memberId: 'M-2', age: 12, schooling: 'enrolled' })],
      housing: { hasHouse: true, safetyGrade: 'B', relocated: false, movedIn: null },
      water: { qualityOk: true, litresPerPersonDay: 60, fetchMinutes: 0, reliabilityPct: 98 },
      electricity: true,
      radioTv: true,
      assets: { townProperty: false, vehicleValue: 0, ownsBusiness: false, hiresLabour: false },
      awayMonths: 0,
      splitHousehold: false,
      spending: { medicalSelfPaid: 800, education: 1200, disasterLoss: 0 },
      notices: [
        { stage: 'first', start: '2018-03-01', end: '2018-03-08' },
        { stage: 'second', start: '2018-04-01', end: '2018-04-08' },
      ],
    },
    overrides,
  );
}

/** A village of 800 rural registered people of township T-01, with collective income and every facility. */
export function rawVillage(overrides: Raw = {}): Raw {
  return merged(
    {
      villageId: 'V-001',
      townshipId: 'T-01',
      countyId: 'C-1',
      name: '仲德村',
      ruralRegisteredPopulation: 800,
      collectiveIncome: 36000,
      hasHardenedRoad: true,
      hasStandardClinic: true,
      hasCultureRoom: true,
      hasNetwork: true,
      assistingUnitId: 'U-01',
    },
    overrides,
  );
}

/** A western county of 10 000 rural registered people whose survey rates are all within the limits. */
export function rawCounty(overrides: Raw = {}): Raw {
  return merged(
    {
      countyId: 'C-1',
      name: '乡城县',
      province: '四川',
      region: 'west',
      ruralRegisteredPopulation: 10000,
      survey: { exitedSampled: 200, wronglyExited: 2, unregisteredSampled: 500, omitted: 5, householdsSurveyed: 100, householdsApproving: 95 },
    },
    overrides,
  );
}

/** A township of county C-1 with every public facility and a named principal. */
export function rawTownship(overrides: Raw = {}): Raw {
  return merged(
    {
      townshipId: 'T-01',
      countyId: 'C-1',
      name: '青德镇',
      hasStandardCentralSchool: true,
      hasQualifiedHealthCentre: true,
      hasServiceCentre: true,
      principal: { name: '张三', title: '乡镇党委书记' },
    },
    overrides,
  );
}

/** An assisting unit of county C-1 with a named head. */
export function rawAssistingUnit(overrides: Raw = {}): Raw {
  return merged({ unitId: 'U-01', countyId: 'C-1', name: '县交通运输局', principal: { name: '李四', title: '局长' } }, overrides);
}

/** A yellow card of township T-01 for 2018Q2, as `card-history` holds it. */
export function rawCard(overrides: Raw = {}): Raw {
  return merged({ unitType: 'township', unitId: 'T-01', quarter: '2018Q2', card: 'yellow-card' }, overrides);
}

/** `rawMember`, parsed. */
export const aMember = (overrides: Overrides<Member> = {}): Member => MemberSchema.parse(rawMember(overrides));
/** `rawHousehold`, parsed. */
export const aHousehold = (overrides: Overrides<Household> = {}): Household => HouseholdSchema.parse(rawHousehold(overrides));
/** `rawVillage`, parsed. */
export const aVillage = (overrides: Overrides<Village> = {}): Village => VillageSchema.parse(rawVillage(overrides));
/** `rawCounty`, parsed. */
export const aCounty = (overrides: Overrides<County> = {}): County => CountySchema.parse(rawCounty(overrides));
/** `rawTownship`, parsed. */
export const aTownship = (overrides: Overrides<Township> = {}): Township => TownshipSchema.parse(rawTownship(overrides));
/** `rawAssistingUnit`, parsed. */
export const anAssistingUnit = (overrides: Overrides<AssistingUnit> = {}): AssistingUnit => AssistingUnitSchema.parse(rawAssistingUnit(overrides));
/** `rawCard`, parsed. */
export const aCard = (overrides: Overrides<CardHistoryEntry> = {}): CardHistoryEntry => CardHistoryEntrySchema.parse(rawCard(overrides));

/** The household-exit items, in the order of `rules/household-exit/v1.json`. */
const EXIT_ITEM_IDS = ['income', 'education', 'medical', 'housing', 'water', 'electricity', 'radio-tv', 'not-new-this-year'];

/** A household-exit verdict as accountability reads it: every item passes unless overridden; the outcome follows the three-valued AND. */
export function anExit(overrides: Record<string, ItemOutcome> = {}): NonNullable<HouseholdExitSummary['exit']> {
  const items: Record<string, ItemOutcome> = Object.fromEntries(EXIT_ITEM_IDS.map((id) => [id, 'pass' as ItemOutcome]));
  Object.assign(items, overrides);
  const values = Object.values(items);
  const outcome: ItemOutcome = values.includes('fail') ? 'fail' : values.includes('unknown') ? 'unknown' : 'pass';
  return { outcome, items };
}

let summaryCounter = 0;

/** What accountability reads of a household: poor, of village V1, planned to exit in 2018, passing everything. */
export function aHouseholdSummary(overrides: Partial<HouseholdExitSummary> = {}): HouseholdExitSummary {
  summaryCounter += 1;
  return { householdId: `H${String(summaryCounter).padStart(5, '0')}`, villageId: 'V1', status: 'poor', plannedExitYear: 2018, exit: anExit(), ...overrides };
}

/** A township of county C1 answering for village V1, with a known principal. */
export function anAccountableUnit(overrides: Partial<AccountableUnit> = {}): AccountableUnit {
  const unitId = overrides.unitId ?? 'T1';
  return { unitType: 'township', unitId, countyId: 'C1', name: `乡${unitId}`, principal: { name: `书记${unitId}`, title: '乡镇党委书记' }, villageIds: ['V1'], ...overrides };
}

/** A stored card of a township (or of another unit type), as accountability reads the history. */
export function aCardRecord(unitId: string, quarter: string, card: Card | null = 'yellow-card', unitType: CardRecord['unitType'] = 'township'): CardRecord {
  return { unitType, unitId, quarter, card };
}

const LABEL = { zh: '测试条件', en: 'test condition' };

/** An item of a rule-set document. */
export function anItem(id: string, conditions: Condition, group?: string): RuleSetInput['items'][number] {
  return group === undefined ? { id, label: LABEL, conditions } : { id, label: LABEL, group, conditions };
}

/** A label, unit and reference for every parameter named, as a test rule set needs them. */
export function parameterInfoFor(parameters: Readonly<Record<string, unknown>>): RuleSetInput['parameterInfo'] {
  const reference = [{ document: '《测试文件》', section: '第一条', date: '2016-04-23' }];
  return Object.fromEntries(Object.keys(parameters).map((name) => [name, { label: { zh: name, en: name }, unit: 'count' as const, reference }]));
}

/**
 * A valid rule-set document (not yet parsed) of a made-up household standard: one item `rich`
 * (`incomePerCapita > {param: line}`, a line for 2017 and 2018) decided by three-valued AND.
 * Overrides replace whole top-level fields; unless `parameterInfo` is given, every parameter
 * gets a made-up label, unit and reference.
 */
export function aRuleSetDocument(overrides: Partial<RuleSetInput> = {}): RuleSetInput {
  const parameters = overrides.parameters ?? { line: { byYear: { '2017': 3335, '2018': 3535 } } };
  return {
    id: 'household-exit',
    version: 1,
    effectiveFrom: '2014-01-01',
    subjectType: 'household',
    description: { zh: '测试规则集', en: 'a test rule set' },
    references: ['test'],
    changeNote: 'test',
    parameters,
    parameterInfo: parameterInfoFor(parameters),
    items: [anItem('rich', { fact: 'incomePerCapita', operator: 'greaterThan', value: { param: 'line' } })],
    decision: {
      rules: [
        { outcome: 'fail', when: { some: 'fail' } },
        { outcome: 'unknown', when: { some: 'unknown' } },
      ],
      otherwise: 'pass',
    },
    outcomeLabels: {
      pass: { zh: '通过', en: 'pass' },
      fail: { zh: '未通过', en: 'fail' },
      unknown: { zh: '无法判定', en: 'unknown' },
    },
    ...overrides,
  };
}

/** `aRuleSetDocument` parsed by RuleSetSchema. */
export function aRuleSet(overrides: Partial<RuleSetInput> = {}): RuleSet {
  return RuleSetSchema.parse(aRuleSetDocument(overrides));
}
