import { z } from 'zod';

/**
 * The operators of json-rules-engine's default set. Operator decorators and custom
 * operators are not part of the rule language: a rule set using them is refused.
 */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

export type OperatorName = (typeof OPERATORS)[number];

/** A JSONPath of plain property steps (`$.water.qualityOk`): what the compiled evaluator can resolve exactly. */
export const PATH_PATTERN = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/**
 * A comparison value: a literal, another fact (json-rules-engine's `{fact}`), or a rule-set
 * parameter. There is no `null` literal: missing data is what the three-valued items express,
 * and a condition comparing with null would confuse "unknown" with a value.
 */
export const ConditionValueSchema = z.union([
  z.object({ fact: z.string().min(1), path: z.string().regex(PATH_PATTERN).optional() }).strict(),
  z.object({ param: z.string().min(1) }).strict(),
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.union([z.number(), z.string(), z.boolean()])),
]);

export type ConditionValue = z.infer<typeof ConditionValueSchema>;

export const LeafConditionSchema = z
  .object({
    fact: z.string().min(1),
    operator: z.enum(OPERATORS, {
      error: (issue) => `unknown operator ${JSON.stringify(issue.input)}; known: ${OPERATORS.join(', ')}`,
    }),
    value: ConditionValueSchema,
    path: z.string().regex(PATH_PATTERN, 'path must be a JSONPath of property steps, like $.water.qualityOk').optional(),
  })
  .strict();

export type LeafCondition = z.infer<typeof LeafConditionSchema>;

export type Condition =
  | LeafCondition
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

// Empty `all`/`any` lists are refused: json-rules-engine reads both as true, which nobody means.
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafConditionSchema,
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

export function isLeaf(condition: Condition): condition is LeafCondition {
  return 'fact' in condition;
}
