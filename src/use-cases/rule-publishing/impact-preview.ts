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
