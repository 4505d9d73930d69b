import type { LocalizedText } from '../../engine/verdict.js';
import type { EscalationMode } from './accountability-parameters.js';

/** What made a unit's official go on a list: the yellow quarters that counted. */
export interface TriggerFacts {
  readonly count: number;
  readonly year: number;
  readonly quarters: readonly string[];
}

type Template = (facts: TriggerFacts) => string;

// The wording of each escalation mode, in both languages (a parity test checks both exist).
const TEMPLATES: Record<EscalationMode, { zh: Template; en: Template }> = {
  consecutive: {
    zh: ({ count, quarters }) => `连续${count}次黄牌警告(${quarters.join(', ')})`,
    en: ({ count, quarters }) => `${count} consecutive yellow cards (${quarters.join(', ')})`,
  },
  'total-in-year': {
    zh: ({ count, year, quarters }) => `${year}年累计${count}次黄牌警告(${quarters.join(', ')})`,
    en: ({ count, year, quarters }) => `${count} yellow cards in ${year} (${quarters.join(', ')})`,
  },
};

/** The trigger of a list row, e.g. `2 consecutive yellow cards (2018Q3, 2018Q4)`, in zh and en. */
export function triggerText(mode: EscalationMode, facts: TriggerFacts): LocalizedText {
  const template = TEMPLATES[mode];
  return { zh: template.zh(facts), en: template.en(facts) };
}
