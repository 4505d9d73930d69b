/**
 * The accountability indicators, in report order. Their meaning is code (what is counted);
 * their weights and everything numeric about them come from the rule set.
 */
export const INDICATOR_IDS = ['exit-target', 'assurances', 'stability', 'data-quality'] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];
