import { hash } from 'node:crypto';
import type { PreparedRuleSet } from '../src/engine/prepare-rule-set.js';
import type { Verdict, VerdictItem } from '../src/engine/verdict.js';
import type { Household } from '../src/records/records.js';
import { householdExitFacts, type HouseholdExitContext } from '../src/standards/household-exit-facts.js';

/*
 * The practical limit of a household-exit verdict: household-exit v1 written out by hand, with
 * the same facts, the same verdict JSON and the same determination id as the engine, and none
 * of the engine's generality (no condition tree, no explainer, no canonical JSON). The bench
 * checks that it agrees with the compiled path on every household it times, and reports the
 * compiled path's speed as a share of this one's.
 */

type Tri = 0 | 1 | 2; // fail, unknown, pass (Kleene's order)
const OUTCOMES = ['fail', 'unknown', 'pass'] as const;

const isMissing = (value: unknown) => value === null || value === undefined;
const equal = (value: unknown, wanted: unknown): Tri => (isMissing(value) ? 1 : value === wanted ? 2 : 0);
const min = (a: Tri, b: Tri): Tri => (a < b ? a : b);
const max = (a: Tri, b: Tri): Tri => (a > b ? a : b);

/** JSON of a scalar field, as canonical JSON writes it. */
function json(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

const strings = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(',')}]`;

/** The judge, bound to the thresholds and labels of one prepared household-exit rule set. */
export function handwrittenHouseholdExit(prepared: PreparedRuleSet, context: HouseholdExitContext): (household: Household) => Verdict {
  const { ruleSet, year } = prepared;
  if (ruleSet.id !== 'household-exit' || ruleSet.version !== 1) throw new Error(`the hand-written judge is household-exit v1, not ${ruleSet.id} v${ruleSet.version}`);
  const item = (id: string) => prepared.items.find((i) => i.id === id)!;
  const leafValue = (id: string, index: number) => item(id).leaves[index]!.value as never;
  const exitLine: number = leafValue('income', 0);
  const safeGrades: readonly string[] = leafValue('housing', 4);
  const minLitres: number = leafValue('water', 1);
  const maxMinutes: number = leafValue('water', 2);
  const minReliability: number = leafValue('water', 3);
  const labels = new Map(prepared.items.map((i) => [i.id, i.label]));
  const label = (id: string) => labels.get(id)!;
  const expected = {
    income: `> ${exitLine}`,
    housing: `(housing.relocated = true and housing.movedIn = true) or (housing.relocated = false and housing.hasHouse = true and housing.safetyGrade in ${JSON.stringify(safeGrades)})`,
    water: `water.qualityOk = true and water.litresPerPersonDay ≥ ${minLitres} and water.fetchMinutes ≤ ${maxMinutes} and water.reliabilityPct ≥ ${minReliability}`,
    notNew: 'registeredThisYear = false and returnedThisYear = false',
  };
  const head = `[${JSON.stringify(ruleSet.id)},${ruleSet.version},${year},{"facts":{`;

  return (household) => {
    const facts = householdExitFacts(household, context);
    const v = facts.values as Record<string, unknown>;
    const lacking = facts.missing;
    const housing = v.housing as Household['housing'];
    const water = v.water as Household['water'];
    const h = housing ?? ({} as NonNullable<Household['housing']>);
    const w = water ?? ({} as NonNullable<Household['water']>);

    const income: Tri = isMissing(v.incomePerCapita) ? 1 : (v.incomePerCapita as number) > exitLine ? 2 : 0;
    const grade: Tri = isMissing(h.safetyGrade) ? 1 : safeGrades.includes(h.safetyGrade!) ? 2 : 0;
    const housingOutcome = max(min(equal(h.relocated, true), equal(h.movedIn, true)), min(min(equal(h.relocated, false), equal(h.hasHouse, true)), grade));
    const atLeast = (value: number | null | undefined, bound: number): Tri => (isMissing(value) ? 1 : value! >= bound ? 2 : 0);
    const waterOutcome = min(min(equal(w.qualityOk, true), atLeast(w.litresPerPersonDay, minLitres)), min(isMissing(w.fetchMinutes) ? 1 : w.fetchMinutes! <= maxMinutes ? 2 : 0, atLeast(w.reliabilityPct, minReliability)));

    // Record fields behind an unknown item: the fact's own list when the fact is missing,
    // else the path of each missing field read from it.
    const missingOf = (fact: string, fields: readonly string[]) =>
      isMissing(v[fact]) ? (lacking[fact] ?? [fact]) : fields.filter((field) => isMissing((v[fact] as Record<string, unknown>)[field])).map((field) => `${fact}.${field}`);
    const one = (id: string, outcome: Tri, actual: unknown, expectedText: string, missing: () => readonly string[]): VerdictItem => {
      if (outcome !== 1) return { id, outcome: OUTCOMES[outcome], label: label(id), actual, expected: expectedText };
      return { id, outcome: OUTCOMES[outcome], label: label(id), actual, expected: expectedText, missing: [...new Set(missing())].sort() };
    };
    const single = (id: string, fact: string, outcome: Tri, expectedText: string) => one(id, outcome, v[fact] ?? null, expectedText, () => lacking[fact] ?? [fact]);
    const items: VerdictItem[] = [
      single('income', 'incomePerCapita', income, expected.income),
      single('education', 'schoolAgeDropout', equal(v.schoolAgeDropout, false), '= false'),
      single('medical', 'allMembersInsured', equal(v.allMembersInsured, true), '= true'),
      one(
        'housing',
        housingOutcome,
        { 'housing.relocated': h.relocated ?? null, 'housing.movedIn': h.movedIn ?? null, 'housing.hasHouse': h.hasHouse ?? null, 'housing.safetyGrade': h.safetyGrade ?? null },
        expected.housing,
        () => missingOf('housing', ['relocated', 'movedIn', 'hasHouse', 'safetyGrade']),
      ),
      one(
        'water',
        waterOutcome,
        { 'water.qualityOk': w.qualityOk ?? null, 'water.litresPerPersonDay': w.litresPerPersonDay ?? null, 'water.fetchMinutes': w.fetchMinutes ?? null, 'water.reliabilityPct': w.reliabilityPct ?? null },
        expected.water,
        () => missingOf('water', ['qualityOk', 'litresPerPersonDay', 'fetchMinutes', 'reliabilityPct']),
      ),
      single('electricity', 'electricity', equal(v.electricity, true), '= true'),
      single('radio-tv', 'radioTv', equal(v.radioTv, true), '= true'),
      one('not-new-this-year', min(equal(v.registeredThisYear, false), equal(v.returnedThisYear, false)), { registeredThisYear: v.registeredThisYear, returnedThisYear: v.returnedThisYear }, expected.notNew, () => []),
    ];
    const reasons: string[] = [];
    let unknown = false;
    let gathered: string[] | null = null;
    for (const judged of items) {
      if (judged.outcome === 'fail') reasons.push(judged.id);
      else if (judged.outcome === 'unknown') {
        unknown = true;
        (gathered ??= []).push(...judged.missing!);
      }
    }
    const outcome = reasons.length > 0 ? 'fail' : unknown ? 'unknown' : 'pass';
    const missing = gathered ? [...new Set(gathered)].sort() : [];

    // The determination input, key order written out: facts, figures, missing, subject.
    let text = head;
    text += `"allMembersInsured":${json(v.allMembersInsured)},"electricity":${json(v.electricity)},"housing":`;
    text += housing ? `{"hasHouse":${json(h.hasHouse)},"movedIn":${json(h.movedIn)},"relocated":${json(h.relocated)},"safetyGrade":${json(h.safetyGrade)}}` : 'null';
    text += `,"incomePerCapita":${json(v.incomePerCapita)},"radioTv":${json(v.radioTv)},"registeredThisYear":${json(v.registeredThisYear)},"returnedThisYear":${json(v.returnedThisYear)},"schoolAgeDropout":${json(v.schoolAgeDropout)},"water":`;
    text += water ? `{"fetchMinutes":${json(w.fetchMinutes)},"litresPerPersonDay":${json(w.litresPerPersonDay)},"qualityOk":${json(w.qualityOk)},"reliabilityPct":${json(w.reliabilityPct)}}` : 'null';
    text += '},"figures":null,"missing":{';
    let first = true;
    for (const fact of ['allMembersInsured', 'electricity', 'housing', 'incomePerCapita', 'radioTv', 'schoolAgeDropout', 'water']) {
      const fields = lacking[fact];
      if (!fields) continue;
      text += `${first ? '' : ','}${JSON.stringify(fact)}:${strings(fields)}`;
      first = false;
    }
    text += `},"subject":${JSON.stringify(`household:${household.householdId}`)}}]`;

    return {
      subjectType: 'household',
      subjectId: household.householdId,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      year,
      outcome,
      outcomeLabel: ruleSet.outcomeLabels[outcome]!,
      items,
      reasons,
      missing,
      warnings: [],
      determinationId: hash('sha256', text, 'hex'),
    };
  };
}
