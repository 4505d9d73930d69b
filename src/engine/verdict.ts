import { z } from 'zod';

/** The three outcomes of every standard item. */
export type ItemOutcome = 'pass' | 'fail' | 'unknown';

export const ITEM_OUTCOMES: readonly ItemOutcome[] = ['pass', 'fail', 'unknown'];

/** A text shown to people, in both languages the offices work in. */
export const LocalizedTextSchema = z
  .object({
    zh: z.string().min(1, 'a Chinese (zh) text is required'),
    en: z.string().min(1, 'an English (en) text is required'),
  })
  .strict();

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export type SubjectType = 'household' | 'village' | 'county';

/** One standard item as judged: what it is, what was found, what was required, and why it is unknown. */
export interface VerdictItem {
  readonly id: string;
  readonly outcome: ItemOutcome;
  readonly label: LocalizedText;
  readonly actual: unknown;
  readonly expected: string;
  /** Record fields whose absence made the item `unknown` (present only then). */
  readonly missing?: readonly string[];
}

/** A warning that does not change the outcome (a public notice shorter than the minimum). */
export interface VerdictWarning {
  readonly id: string;
  readonly label: LocalizedText;
  readonly actual: unknown;
  readonly expected: string;
}

/** The judgement of one subject by one rule-set version for one assessment year. */
export interface Verdict {
  readonly subjectType: SubjectType;
  readonly subjectId: string;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly year: number;
  readonly outcome: string;
  readonly outcomeLabel: LocalizedText;
  readonly items: readonly VerdictItem[];
  /** Items that decided the outcome: failed items, prohibitions and priorities that fired. */
  readonly reasons: readonly string[];
  /** Every field whose absence left an item `unknown`, over all items, sorted. */
  readonly missing: readonly string[];
  readonly warnings: readonly VerdictWarning[];
  /** Village and county figures: numerator, denominator, ratio and their parts. */
  readonly figures?: Readonly<Record<string, number | null>>;
  readonly determinationId: string;
}
