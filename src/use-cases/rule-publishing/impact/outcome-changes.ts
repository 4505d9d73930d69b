import type { Verdict } from '../../../engine/verdict.js';
import type { AccountabilityRun } from '../../../standards/accountability/accountability-output.js';

/** What a preview compares: households, villages and counties by their verdicts, units by their card. */
export type ImpactSubjectType = 'household' | 'village' | 'county' | 'township' | 'assisting-unit';

/** An item (or, for a unit, a list) whose outcome differs. `null`: not judged / not on the list. */
export interface ItemChange {
  readonly id: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** One subject whose outcome by one standard differs between the version in force and the draft. */
export interface OutcomeChange {
  readonly subjectType: ImpactSubjectType;
  readonly subjectId: string;
  readonly ruleSetId: string;
  /** `null` when the standard did not judge the subject (its status is outside `appliesTo`). */
  readonly before: string | null;
  readonly after: string | null;
  readonly items: readonly ItemChange[];
  /** Where a household or village lies, so a reader can group the changes by village and township and look up names. */
  readonly villageId?: string;
  readonly townshipId?: string;
}

/** How many subjects were judged both ways, and how many of them change outcome. */
export interface ImpactCount {
  readonly judged: number;
  readonly changed: number;
}

/** The impact on one county: its households, villages, itself and its accountable units. */
export interface CountyImpact {
  readonly countyId: string;
  readonly households: ImpactCount;
  readonly villages: ImpactCount;
  readonly county: ImpactCount;
  /** Townships and assisting units whose card or list places change. */
  readonly units: ImpactCount;
  /** Up to the preview's limit, counties first, then villages, households and units, by id. */
  readonly examples: readonly OutcomeChange[];
}

/** Something the draft could not judge although the version in force could. */
export interface PreviewFailure {
  readonly subject: string;
  readonly error: string;
}

/**
 * Step d of the publish gate: the draft against the version in force over everything the store
 * holds, for one quarter. Only outcomes count as changes (not versions, figures or texts).
 */
export interface ImpactPreview {
  readonly ruleSetId: string;
  readonly quarter: string;
  /** The last day of the quarter: the day whose version in force is compared. */
  readonly asOf: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  /** Once published, the draft would be the version in force on `asOf` (otherwise it applies only later). */
  readonly draftInForce: boolean;
  readonly totals: { readonly households: ImpactCount; readonly villages: ImpactCount; readonly counties: ImpactCount; readonly units: ImpactCount };
  /** Every county of the store, by id. */
  readonly counties: readonly CountyImpact[];
  readonly failures: readonly PreviewFailure[];
  /** Subjects neither version could judge (their data is at fault, not the draft), skipped. */
  readonly skipped: readonly PreviewFailure[];
  readonly changesOutcomes: boolean;
}

const keyOf = (v: Verdict) => `${v.subjectType}\u0000${v.subjectId}\u0000${v.ruleSetId}`;

function itemChanges(before: Verdict | undefined, after: Verdict | undefined): ItemChange[] {
  const outcomes = (v: Verdict | undefined) => new Map((v?.items ?? []).map((item) => [item.id, item.outcome]));
  const was = outcomes(before);
  const is = outcomes(after);
  const ids = [...new Set([...was.keys(), ...is.keys()])];
  return ids.filter((id) => was.get(id) !== is.get(id)).map((id) => ({ id, before: was.get(id) ?? null, after: is.get(id) ?? null }));
}

/**
 * The verdicts whose outcome differs between two judgements of the same subjects, matched by
 * subject and standard (a verdict present on one side only is a change from or to `null`),
 * sorted by subject type, subject id, standard.
 */
export function outcomeChanges(before: readonly Verdict[], after: readonly Verdict[]): OutcomeChange[] {
  const was = new Map(before.map((v) => [keyOf(v), v]));
  const is = new Map(after.map((v) => [keyOf(v), v]));
  const changes: OutcomeChange[] = [];
  for (const key of [...new Set([...was.keys(), ...is.keys()])].sort()) {
    const b = was.get(key);
    const a = is.get(key);
    if (b?.outcome === a?.outcome) continue;
    const subject = (a ?? b)!;
    changes.push({
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      ruleSetId: subject.ruleSetId,
      before: b?.outcome ?? null,
      after: a?.outcome ?? null,
      items: itemChanges(b, a),
    });
  }
  return changes;
}

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
