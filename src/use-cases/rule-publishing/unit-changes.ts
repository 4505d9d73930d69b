import type { AccountabilityRun } from '../../standards/accountability/accountability-output.js';
import type { ItemChange, OutcomeChange } from './impact-preview.js';

/** A unit's outcome: its card, or `none`. */
const NO_CARD = 'none';

function unitsOf(run: AccountabilityRun): Map<string, { unitType: 'township' | 'assisting-unit'; unitId: string; card: string; lists: Set<string> }> {
  const units = new Map<string, { unitType: 'township' | 'assisting-unit'; unitId: string; card: string; lists: Set<string> }>();
  for (const row of run.scores) units.set(`${row.unitType}:${row.unitId}`, { unitType: row.unitType, unitId: row.unitId, card: row.card ?? NO_CARD, lists: new Set() });
  for (const row of run.lists) units.get(`${row.unitType}:${row.unitId}`)?.lists.add(row.list);
  return units;
}

/**
 * The townships and assisting units whose card, or place on the interview and resignation
 * lists, differs between two accountability roll-ups of the same county, sorted by unit.
 * A list place that changes is an item change (`listed` / `null`).
 */
export function unitChanges(before: AccountabilityRun, after: AccountabilityRun): OutcomeChange[] {
  const was = unitsOf(before);
  const is = unitsOf(after);
  const changes: OutcomeChange[] = [];
  for (const key of [...new Set([...was.keys(), ...is.keys()])].sort()) {
    const b = was.get(key);
    const a = is.get(key);
    const lists = [...new Set([...(b?.lists ?? []), ...(a?.lists ?? [])])].sort();
    const items: ItemChange[] = lists
      .filter((list) => (b?.lists.has(list) ?? false) !== (a?.lists.has(list) ?? false))
      .map((list) => ({ id: list, before: b?.lists.has(list) ? 'listed' : null, after: a?.lists.has(list) ? 'listed' : null }));
    if (b?.card === a?.card && items.length === 0) continue;
    const unit = (a ?? b)!;
    changes.push({ subjectType: unit.unitType, subjectId: unit.unitId, ruleSetId: 'accountability', before: b?.card ?? null, after: a?.card ?? null, items });
  }
  return changes;
}
