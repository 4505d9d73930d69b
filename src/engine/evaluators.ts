import { compiledEvaluator } from './compiled-evaluator.js';
import { referenceEvaluator, type ItemEvaluator } from './item-evaluator.js';

/** The evaluators a run may choose, by name: compiled for batches, json-rules-engine as the reference. */
export const EVALUATORS: Readonly<Record<'compiled' | 'reference', ItemEvaluator>> = {
  compiled: compiledEvaluator,
  reference: referenceEvaluator,
};
