import type { Text } from '../../i18n/messages.js';
import { z } from 'zod';
import type { ItemOutcome } from '../../engine/verdict.js';
import {
  HOUSEHOLD_STATUSES,
  type AccountableUnit,
  type CardRecord,
  type HouseholdExitSummary,
  type UnitType,
} from '../../standards/accountability/accountability-input.js';
import type { AccountabilityRun } from '../../standards/accountability/accountability-output.js';
import { runAccountability } from '../../standards/accountability/run-accountability.js';
import type { ScoringContext } from '../scoring-context.js';

const UnitTypeSchema = z.enum(['township', 'assisting-unit']);
const CardSchema = z.enum(['red-flag', 'yellow-card']).nullable();

/**
 * Households of a unit that look alike, as the household-exit verdicts left them: `count` of
 * them, their status and planned exit year, and the household-exit items they fail or leave
 * unknown (every other item passes; the outcome follows by three-valued AND).
 */
const HouseholdGroupSchema = z
  .object({
    count: z.number().int().positive(),
    status: z.enum(HOUSEHOLD_STATUSES).optional(),
    plannedExitYear: z.number().int().nullable().optional(),
    failing: z.array(z.string()).default([]),
    unknown: z.array(z.string()).default([]),
  })
  .strict();

/** A township (by default) or assisting unit of county `C1` (by default), with its households. */
export const AccountabilityUnitCaseSchema = z
  .object({
    unitId: z.string().min(1),
    unitType: UnitTypeSchema.default('township'),
    countyId: z.string().min(1).default('C1'),
    households: z.array(HouseholdGroupSchema).default([]),
  })
  .strict();

/** A stored card of an earlier quarter (or of the run's own, which the run's card replaces). */
export const CardHistoryCaseSchema = z
  .object({ unitId: z.string().min(1), unitType: UnitTypeSchema.default('township'), quarter: z.string(), card: CardSchema })
  .strict();

/** What an accountability case expects beside its outcome: scores, cards and list members by unit id. */
export const AccountabilityExpectationSchema = {
  scores: z.record(z.string(), z.number()).optional(),
  cards: z.record(z.string(), CardSchema).optional(),
  lists: z.object({ interview: z.array(z.string()), resignation: z.array(z.string()) }).strict().optional(),
};

export type AccountabilityUnitCase = z.output<typeof AccountabilityUnitCaseSchema>;
export type CardHistoryCase = z.output<typeof CardHistoryCaseSchema>;

/** The outcome of an accountability case: the card its first unit earns, or `none`. */
export const NO_CARD = 'none';

function summaries(unit: AccountabilityUnitCase, base: Record<string, unknown>, itemIds: readonly string[], year: number): HouseholdExitSummary[] {
  const villageId = `${unit.unitId}-V1`;
  const households: HouseholdExitSummary[] = [];
  unit.households.forEach((group, g) => {
    const items: Record<string, ItemOutcome> = Object.fromEntries(itemIds.map((id) => [id, 'pass']));
    for (const id of group.unknown) items[id] = 'unknown';
    for (const id of group.failing) items[id] = 'fail';
    const outcomes = Object.values(items);
    const outcome: ItemOutcome = outcomes.includes('fail') ? 'fail' : outcomes.includes('unknown') ? 'unknown' : 'pass';
    const status = group.status ?? (base['status'] as HouseholdExitSummary['status'] | undefined) ?? 'poor';
    const plannedExitYear = group.plannedExitYear !== undefined ? group.plannedExitYear : ((base['plannedExitYear'] as number | null | undefined) ?? year);
    for (let i = 0; i < group.count; i += 1) {
      households.push({ householdId: `${villageId}-G${g}-H${i}`, villageId, status, plannedExitYear, exit: { outcome, items } });
    }
  });
  return households;
}

const accountableUnit = (unit: AccountabilityUnitCase): AccountableUnit => ({
  unitType: unit.unitType as UnitType,
  unitId: unit.unitId,
  countyId: unit.countyId,
  name: unit.unitId,
  principal: { name: `${unit.unitId} principal`, title: unit.unitType === 'township' ? '乡镇党委书记' : '单位负责人' },
  villageIds: [`${unit.unitId}-V1`],
});

/**
 * The quarterly roll-up of a case's units, with the households' household-exit verdicts built
 * from the groups (every item of the household-exit rule set in force, so the assurance items
 * are real ones) and the case's card history.
 */
export function runAccountabilityCase(
  input: { quarter: string; units: readonly AccountabilityUnitCase[]; history: readonly CardHistoryCase[]; base: Record<string, unknown> },
  context: ScoringContext,
): AccountabilityRun {
  const itemIds = context.ruleSets['household-exit'].items.map((item) => item.id);
  const year = Number(input.quarter.slice(0, 4));
  return runAccountability({
    quarter: input.quarter,
    units: input.units.map(accountableUnit),
    households: input.units.flatMap((unit) => summaries(unit, input.base, itemIds, year)),
    history: input.history.map((h): CardRecord => ({ unitType: h.unitType as UnitType, unitId: h.unitId, quarter: h.quarter, card: h.card })),
    parameters: context.accountability.parameters,
    indicatorLabels: context.accountability.indicatorLabels,
  });
}

/** How a roll-up differs from what a case expects, one catalogue text each. */
export function accountabilityDifferences(
  run: AccountabilityRun,
  firstUnit: string,
  expected: { outcome: string; scores?: Record<string, number> | undefined; cards?: Record<string, string | null> | undefined; lists?: { interview: string[]; resignation: string[] } | undefined },
): Text[] {
  const differences: Text[] = [];
  const rowOf = (unitId: string) => run.scores.find((row) => row.unitId === unitId);
  const outcome = rowOf(firstUnit)?.card ?? NO_CARD;
  if (outcome !== expected.outcome) differences.push({ key: 'caseDiff.cardOutcome', params: { unit: firstUnit, expected: expected.outcome, got: outcome } });
  for (const [unitId, score] of Object.entries(expected.scores ?? {})) {
    const got = rowOf(unitId)?.score;
    if (got !== score) differences.push({ key: 'caseDiff.score', params: { unit: unitId, expected: score, got: String(got) } });
  }
  for (const [unitId, card] of Object.entries(expected.cards ?? {})) {
    const got = rowOf(unitId)?.card;
    if (got !== card) differences.push({ key: 'caseDiff.card', params: { unit: unitId, expected: String(card), got: String(got) } });
  }
  for (const list of ['interview', 'resignation'] as const) {
    const want = expected.lists?.[list];
    if (!want) continue;
    const got = run.lists.filter((row) => row.list === list).map((row) => row.unitId);
    if (JSON.stringify([...want].sort()) !== JSON.stringify([...got].sort())) differences.push({ key: `caseDiff.list.${list}`, params: { expected: JSON.stringify(want), got: JSON.stringify(got) } });
  }
  return differences;
}
