import type { JsonObject } from './draft-paths.js';
import type { GetOk } from './gate-types.js';

/**
 * A draft as the drafts routes answer it, taken from the generated API schema. Its rule set and
 * cases are documents the officer edits, valid or not: the API describes them as any JSON
 * object, and the console reads them as the JSON they are.
 */
export type RuleDraft = Omit<GetOk<'/rule-sets/{ruleSetId}/drafts/{draftId}'>, 'ruleSet' | 'cases'> & { readonly ruleSet: JsonObject; readonly cases: JsonObject | null };

/** One step of a draft's life: who, when, a note, and for submission and approval the gate's report as it was then. */
export type DraftStep = RuleDraft['steps'][number];

/** Where a draft stands. */
export type DraftStatus = RuleDraft['status'];

export const STATUS_COLOURS: Record<DraftStatus, string> = { draft: 'blue', submitted: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default' };

/** The cases document travelling with a draft, named for the draft's id and version. */
export function casesFor(cases: JsonObject, draft: JsonObject): JsonObject {
  return cases.ruleSetId === draft.id && cases.version === draft.version ? cases : { ...cases, ruleSetId: draft.id ?? null, version: draft.version ?? null };
}
