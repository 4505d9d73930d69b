/** The three outcomes of every standard item. */
export type ItemOutcome = 'pass' | 'fail' | 'unknown';

export const ITEM_OUTCOMES: readonly ItemOutcome[] = ['pass', 'fail', 'unknown'];
