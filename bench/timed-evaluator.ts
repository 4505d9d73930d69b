import { performance } from 'node:perf_hooks';
import type { ItemEvaluator } from '../src/engine/item-evaluator.js';

/** Wraps an evaluator to add up the time spent deciding items, for the share of wall time. */
export function timedEvaluator(inner: ItemEvaluator): ItemEvaluator & { readonly seconds: () => number; readonly calls: () => number } {
  let milliseconds = 0;
  let calls = 0;
  return {
    name: inner.name,
    evaluate(prepared, facts) {
      const start = performance.now();
      const outcomes = inner.evaluate(prepared, facts);
      calls += 1;
      if (outcomes instanceof Promise) return outcomes.finally(() => (milliseconds += performance.now() - start));
      milliseconds += performance.now() - start;
      return outcomes;
    },
    seconds: () => milliseconds / 1000,
    calls: () => calls,
  };
}
