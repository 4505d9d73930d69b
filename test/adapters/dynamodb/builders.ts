import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../src/kernel/canonical-json.js';
import type { RuleSet } from '../../../src/engine/rule-set-schema.js';
import type { Verdict } from '../../../src/engine/verdict.js';
import type { PublishedRuleSet } from '../../../src/ports/stores.js';
import type { RunRecord, VillageTally } from '../../../src/ports/run-store.js';
import type { Household } from '../../../src/records/records.js';
import type { CardRecord, HouseholdExitSummary } from '../../../src/standards/accountability/accountability-input.js';
import type { ListRow, ScoreRow } from '../../../src/standards/accountability/accountability-output.js';
import { aHousehold, aMember } from '../../helpers/builders.js';

/** Records as the readers give them (parsed, defaults filled), from the one builder module. */
export { aCounty as county, aHousehold as household, anAssistingUnit as unit, aTownship as township, aVillage as village } from '../../helpers/builders.js';

/** A household of five members with about `kilobytes` KB of visit notes (a loose field records keep). */
export function bigHousehold(householdId: string, villageId: string, kilobytes: number): Household {
  const members = Array.from({ length: 5 }, (_, i) => aMember({ memberId: `m${i}`, age: 20 + i * 9 }));
  return aHousehold({ householdId, villageId, members, visitNotes: 'visited, income checked. '.repeat(Math.ceil((kilobytes * 1000) / 25)) });
}

/** A household-exit verdict of a household of village V1, passing. */
export function verdict(o: Partial<Verdict> = {}): Verdict {
  return {
    subjectType: 'household',
    subjectId: 'V1-H1',
    ruleSetId: 'household-exit',
    ruleSetVersion: 1,
    year: 2018,
    outcome: 'exit',
    outcomeLabel: { zh: '可以脱贫', en: 'may exit' },
    items: [
      { id: 'income', outcome: 'pass', label: { zh: '收入', en: 'income' }, actual: 4210.5, expected: '> 3535' },
      { id: 'water', outcome: 'unknown', label: { zh: '饮水', en: 'water' }, actual: null, expected: 'true', missing: ['water.qualityOk'] },
    ],
    reasons: [],
    missing: ['water.qualityOk'],
    warnings: [],
    determinationId: 'd-1',
    ...o,
  };
}

export function summary(householdId: string, villageId = 'V1'): HouseholdExitSummary {
  return {
    householdId,
    villageId,
    status: 'poor',
    plannedExitYear: 2018,
    exit: { outcome: 'pass', items: { income: 'pass', education: 'pass', medical: 'pass', housing: 'pass', water: 'unknown' } },
  };
}

export function tally(o: Partial<VillageTally> & { households?: number } = {}): VillageTally {
  const { households = 3, ...rest } = o;
  const villageId = rest.villageId ?? 'V1';
  return {
    quarter: '2018Q3',
    countyId: 'C1',
    villageId,
    population: { remainingPoor: 12, exitedPopulation: 30, registeredPopulation: 120 },
    summaries: Array.from({ length: households }, (_, i) => summary(`${villageId}-H${String(i).padStart(5, '0')}`, villageId)),
    versions: { 'household-exit': 1, 'village-exit': 1 },
    ...rest,
  };
}

export function card(o: Partial<CardRecord> = {}): CardRecord {
  return { unitType: 'township', unitId: 'T1', quarter: '2018Q3', card: 'yellow-card', ...o };
}

export function scoreRow(o: Partial<ScoreRow> = {}): ScoreRow {
  return {
    unitType: 'township',
    unitId: 'T1',
    countyId: 'C1',
    quarter: '2018Q3',
    score: 87.5,
    indicators: { 'exit-target': 0.75, assurances: 0.004470938897168405, stability: 1, 'data-quality': 1 },
    card: null,
    consecutiveYellow: 0,
    yellowThisYear: 0,
    details: {
      'exit-target': { numerator: 3, denominator: 4, emptyDenominator: false },
      assurances: { numerator: 1, denominator: 223, emptyDenominator: false },
      stability: { numerator: 0, denominator: 0, emptyDenominator: true },
      'data-quality': { numerator: 4, denominator: 4, emptyDenominator: false },
    },
    ...o,
  };
}

export function listRow(o: Partial<ListRow> = {}): ListRow {
  return {
    list: 'interview',
    quarter: '2018Q3',
    unitType: 'township',
    unitId: 'T1',
    unitName: '青德镇',
    official: { name: '张三', title: null },
    missing: ['principal.title'],
    trigger: '2 consecutive yellow cards (2018Q2, 2018Q3)',
    triggerLabel: { zh: '连续2个季度黄牌', en: '2 consecutive yellow cards (2018Q2, 2018Q3)' },
    cardHistory: ['2018Q2', '2018Q3'],
    reasons: [{ indicator: 'assurances', label: { zh: '两不愁三保障', en: 'assurances met' }, value: 0.5, pointsLost: 15, households: ['H1'], villages: ['V1'] }],
    ...o,
  };
}

export function run(o: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: 'run-1',
    quarter: '2018Q3',
    status: 'running',
    startedAt: '2018-09-30T18:00:00.000Z',
    finishedAt: null,
    ruleSetVersions: { 'household-exit': 1 },
    writes: { verdicts: 0, scores: 0, cards: 0 },
    failedVillages: [],
    stageSeconds: {},
    ...o,
  };
}

/** A rule set published as the publish use case would: with its content hash. */
export function published(ruleSet: RuleSet, o: Partial<PublishedRuleSet> = {}): PublishedRuleSet {
  return {
    ruleSet,
    author: '国务院扶贫办',
    note: 'first version',
    publishedAt: '2018-01-01T00:00:00.000Z',
    contentHash: createHash('sha256').update(canonicalJson(ruleSet)).digest('hex'),
    ...o,
  };
}
