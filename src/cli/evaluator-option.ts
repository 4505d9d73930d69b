import { EVALUATORS, type ItemEvaluator } from '../engine/evaluators.js';
import { UsageError } from './usage-error.js';

/** `--evaluator compiled|reference`. */
export function evaluatorNamed(name: string): ItemEvaluator {
  if (name === 'compiled' || name === 'reference') return EVALUATORS[name];
  throw new UsageError(`--evaluator must be compiled or reference, got ${JSON.stringify(name)}`);
}
