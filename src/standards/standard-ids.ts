/** The six standards Tuopin judges; each is a rule set of the same id. */
export const STANDARD_IDS = ['household-exit', 'identification', 'return-risk', 'village-exit', 'county-exit', 'accountability'] as const;

export type StandardId = (typeof STANDARD_IDS)[number];

export function isStandardId(id: string): id is StandardId {
  return (STANDARD_IDS as readonly string[]).includes(id);
}
