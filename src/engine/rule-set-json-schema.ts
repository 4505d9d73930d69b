import { z } from 'zod';
import { ConditionSchema } from './condition-schema.js';
import { ParameterValueSchema, RuleSetSchema } from './rule-set-schema.js';

/** Draft 2020-12: what VS Code and most validators read by default. */
const TARGET = 'draft-2020-12';

// A private registry instead of zod's global one: the names of the recursive definitions and the
// titles belong to this file only, and nothing registered elsewhere leaks into the schema. Without
// ids, the two recursive schemas would come out as `__schema0`/`__schema1`, which tell an editor's
// user nothing.
function metadata() {
  const registry = z.registry<{ id?: string; title?: string; description?: string }>();
  registry.add(RuleSetSchema, {
    title: 'Tuopin rule set',
    description: 'One version of a standard: rules/<id>/v<N>.json. Generated from RuleSetSchema by `npm run schema`; do not edit.',
  });
  registry.add(ConditionSchema, { id: 'Condition', description: 'A comparison of a fact with a value, or all/any/not of conditions.' });
  // The JSON value branch of a parameter is the recursive schema not exported on its own.
  const jsonValue = ParameterValueSchema.options[2];
  registry.add(jsonValue, { id: 'JsonValue', description: 'Any JSON value: a parameter read by the standard’s own code.' });
  return registry;
}

/**
 * The JSON Schema of a rule-set file, generated from `RuleSetSchema`, so editors check the
 * files against the same schema the loader uses. It describes what a file may contain (zod's
 * input side: `warnings` and `indicators` may be left out, the loader fills them in). The
 * cross-field checks of the zod schema's `superRefine` (duplicate item ids, an outcome without
 * a label, a decision naming an unknown group or item) cannot be said in JSON Schema and are
 * left to the loader.
 */
export function ruleSetJsonSchema(): object {
  return z.toJSONSchema(RuleSetSchema, { io: 'input', target: TARGET, metadata: metadata(), cycles: 'ref', reused: 'inline', unrepresentable: 'throw' });
}
