import type { AccountableUnit, Card } from './accountability-input.js';
import type { AccountabilityParameters } from './accountability-parameters.js';
import { LIST_NAMES, type ListReason, type ListRow } from './accountability-output.js';
import { escalationReached, type Escalation } from './escalation.js';
import type { Quarter } from '../../kernel/quarter.js';
import { triggerText } from './trigger-text.js';

function official(unit: AccountableUnit): Pick<ListRow, 'official' | 'missing'> {
  const { principal } = unit;
  // The row is kept even without a known official: the unit is still accountable, and the
  // gap itself is something the county office has to fix.
  if (principal === null) return { official: { name: null, title: null }, missing: ['principal'] };
  const missing = [principal.name === null ? 'principal.name' : null, principal.title === null ? 'principal.title' : null].filter(
    (field): field is string => field !== null,
  );
  const found = { official: { name: principal.name, title: principal.title } };
  return missing.length > 0 ? { ...found, missing } : found;
}

/**
 * The interview and resignation rows of one unit (none, one or both). Only a unit whose card
 * this quarter is a yellow card can be listed. `reasons` is called only when a row is made:
 * naming the households is the costly part and most units are never listed.
 */
export function listRows(
  unit: AccountableUnit,
  quarter: Quarter,
  card: Card | null,
  escalation: Escalation,
  parameters: AccountabilityParameters,
  reasons: () => readonly ListReason[],
): ListRow[] {
  if (card !== 'yellow-card') return [];
  const rows: ListRow[] = [];
  for (const list of LIST_NAMES) {
    const rule = parameters[list];
    if (!escalationReached(rule, escalation)) continue;
    const consecutive = rule.mode === 'consecutive';
    const cardHistory = consecutive ? escalation.consecutiveQuarters : escalation.yearQuarters;
    const label = triggerText(rule.mode, { count: cardHistory.length, year: quarter.year, quarters: cardHistory });
    rows.push({
      list,
      quarter: quarter.text,
      unitType: unit.unitType,
      unitId: unit.unitId,
      unitName: unit.name,
      ...official(unit),
      trigger: label.en,
      triggerLabel: label,
      cardHistory: [...cardHistory],
      reasons: reasons(),
    });
  }
  return rows;
}
