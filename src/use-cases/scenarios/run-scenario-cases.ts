import { render, type Text } from '../../i18n/messages.js';
import type { Verdict } from '../../engine/verdict.js';
import { CountySchema, HouseholdSchema, TownshipSchema, VillageSchema } from '../../records/records.js';
import type { ScoringContext } from '../scoring-context.js';
import { judgeHousehold } from '../scoring/judge-household.js';
import { scoreCounty } from '../scoring/score-county.js';
import { scoreVillage } from '../scoring/score-village.js';
import { accountabilityDifferences, runAccountabilityCase } from './accountability-cases.js';
import type { ScenarioCase, ScenarioFile } from './scenario-cases.js';

export interface ScenarioResult {
  readonly name: string;
  readonly passed: boolean;
  /** What differed from the expectation, one line each, in English (as the API and `--json` give it). */
  readonly differences: readonly string[];
  /** The same as catalogue texts, for saying them in another language. */
  readonly differenceTexts: readonly Text[];
  /** The subject's verdict; null for accountability, whose cases judge a roll-up of units. */
  readonly verdict: Verdict | null;
}

function build<T>(schema: { parse(v: unknown): T }, base: unknown, overrides: unknown): T {
  return schema.parse(mergeOverrides(base ?? {}, overrides ?? {}));
}

async function verdictOf(file: ScenarioFile, scenario: ScenarioCase, context: ScoringContext): Promise<Verdict | null> {
  const { bases } = file;
  switch (file.ruleSetId) {
    case 'household-exit':
    case 'identification':
    case 'return-risk': {
      const household = build(HouseholdSchema, bases.household, scenario.household);
      const judged = await judgeHousehold(context, household);
      return judged.verdicts.find((v) => v.ruleSetId === file.ruleSetId) ?? null;
    }
    case 'village-exit': {
      const village = build(VillageSchema, bases.village, scenario.village);
      const households = (scenario.households ?? []).map((h, i) =>
        build(HouseholdSchema, bases.household, { householdId: `${village.villageId}-H${i}`, villageId: village.villageId, ...h }),
      );
      return (await scoreVillage(context, village, scenario.region === undefined ? 'west' : scenario.region, households)).villageVerdict;
    }
    case 'county-exit': {
      const county = build(CountySchema, bases.county, scenario.county);
      const townships = (scenario.townships ?? []).map((t, i) => build(TownshipSchema, bases.township, { townshipId: `${county.countyId}-T${i}`, countyId: county.countyId, ...t }));
      const population = scenario.population ?? { remainingPoor: 0, exitedPopulation: 0, registeredPopulation: 0 };
      return scoreCounty(context, county, townships, population);
    }
    default:
      throw new Error(`scenario cases are not defined for rule set ${file.ruleSetId}`);
  }
}

function compare(scenario: ScenarioCase, verdict: Verdict | null): Text[] {
  if (!verdict) return [{ key: 'caseDiff.notJudged' }];
  const expected = scenario.expected;
  const differences: Text[] = [];
  if (verdict.outcome !== expected.outcome) differences.push({ key: 'caseDiff.outcome', params: { expected: expected.outcome, got: verdict.outcome } });
  for (const [id, outcome] of Object.entries(expected.items ?? {})) {
    const item = verdict.items.find((i) => i.id === id);
    if (!item) differences.push({ key: 'caseDiff.itemMissing', params: { item: id } });
    else if (item.outcome !== outcome) {
      differences.push({ key: 'caseDiff.item', params: { item: id, expected: outcome, got: item.outcome, actual: JSON.stringify(item.actual), required: item.expected } });
    }
  }
  const sameList = (name: 'missing' | 'reasons' | 'warnings', want: readonly string[] | undefined, got: readonly string[]) => {
    if (want && JSON.stringify([...want].sort()) !== JSON.stringify([...got].sort())) differences.push({ key: `caseDiff.list.${name}`, params: { expected: JSON.stringify(want), got: JSON.stringify(got) } });
  };
  sameList('missing', expected.missing, verdict.missing);
  sameList('reasons', expected.reasons, verdict.reasons);
  sameList('warnings', expected.warnings, verdict.warnings.map((w) => w.id));
  for (const [name, value] of Object.entries(expected.figures ?? {})) {
    const got = verdict.figures?.[name];
    if (got !== value) differences.push({ key: 'caseDiff.figure', params: { name, expected: String(value), got: String(got) } });
  }
  return differences;
}

/** An accountability case: its units scored together for its quarter, against its card history. */
function judgeAccountabilityCase(file: ScenarioFile, scenario: ScenarioCase, context: ScoringContext): Text[] {
  const units = scenario.units ?? [];
  if (units.length === 0) return [{ key: 'caseDiff.noUnits' }];
  const quarter = scenario.quarter ?? `${scenario.year}Q4`;
  const run = runAccountabilityCase({ quarter, units, history: scenario.history ?? [], base: file.bases.household ?? {} }, context);
  return accountabilityDifferences(run, units[0]!.unitId, scenario.expected);
}

function resultOf(name: string, differenceTexts: Text[], verdict: Verdict | null): ScenarioResult {
  return { name, passed: differenceTexts.length === 0, differences: differenceTexts.map((text) => render('en', text)), differenceTexts, verdict };
}

/** Runs a version's scenario cases against a scoring context built with that version. */
export async function runScenarioCases(file: ScenarioFile, contextForYear: (year: number) => ScoringContext): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of file.cases) {
    try {
      if (file.ruleSetId === 'accountability') {
        results.push(resultOf(scenario.name, judgeAccountabilityCase(file, scenario, contextForYear(scenario.year)), null));
        continue;
      }
      const verdict = await verdictOf(file, scenario, contextForYear(scenario.year));
      results.push(resultOf(scenario.name, compare(scenario, verdict), verdict));
    } catch (error) {
      results.push(resultOf(scenario.name, [{ key: 'caseDiff.error', params: { message: (error as Error).message } }], null));
    }
  }
  return results;
}

/**
 * A copy of `base` with `overrides` applied: nested objects merge, anything else (arrays,
 * null, scalars) replaces. A member set to `"$absent"` is removed, to test absent fields.
 */
export function mergeOverrides(base: unknown, overrides: unknown): unknown {
  if (overrides === '$absent') return undefined;
  if (!isPlainObject(base) || !isPlainObject(overrides)) return structuredClone(overrides);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    const next = mergeOverrides(merged[key], value);
    if (next === undefined) delete merged[key];
    else merged[key] = next;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
