import { referenceEvaluator, type ItemEvaluator } from './item-evaluator.js';

/** The evaluators a run may choose, by name. */
export const EVALUATORS: Readonly<Record<string, ItemEvaluator>> = {
  reference: referenceEvaluator,
};
