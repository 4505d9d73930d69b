import type { JsonObject } from './draft-paths.js';

/** The cases document travelling with a draft, named for the draft's id and version. */
export function casesFor(cases: JsonObject, draft: JsonObject): JsonObject {
  return cases.ruleSetId === draft.id && cases.version === draft.version ? cases : { ...cases, ruleSetId: draft.id ?? null, version: draft.version ?? null };
}
