import { z } from 'zod';
import { ConditionSchema } from './condition-schema.js';
import { ITEM_OUTCOMES, LocalizedTextSchema } from './verdict.js';
import { ParameterInfoSchema } from './parameter-info.js';
import { documentLimitProblem, limitMessage } from './rule-set-limits.js';

const YEAR_KEY = /^\d{4}$/;

/** A number per assessment year (the poverty line). A year missing from the table is a rule-set error. */
export const ByYearTableSchema = z
  .object({ byYear: z.record(z.string().regex(YEAR_KEY, 'year keys are four digits'), z.number()) })
  .strict();

/** A number per region of the county (`west`, `central`, `east`). */
export const ByRegionTableSchema = z
  .object({ byRegion: z.object({ west: z.number(), central: z.number(), east: z.number() }).strict() })
  .strict();

const JsonValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);

const isTableLike = (value: unknown) => typeof value === 'object' && value !== null && ('byYear' in value || 'byRegion' in value);

/**
 * A parameter: a year- or region-keyed table, or any JSON value read by a standard's code.
 * Something shaped like a table must be a valid one, so a mistyped year key is refused here
 * instead of surfacing as a missing year in the middle of a run.
 */
export const ParameterValueSchema = z.union([
  ByYearTableSchema,
  ByRegionTableSchema,
  JsonValueSchema.refine((value) => !isTableLike(value), 'a byYear / byRegion table is malformed'),
]);

export const ItemSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'item ids are lowercase kebab-case'),
    label: LocalizedTextSchema,
    group: z.string().optional(),
    conditions: ConditionSchema,
  })
  .strict();

const ItemOutcomeSchema = z.enum(ITEM_OUTCOMES as ['pass', 'fail', 'unknown']);

/** "Some item (of a group, or of a list) has this outcome." */
export const DecisionTestSchema = z
  .object({
    some: ItemOutcomeSchema,
    group: z.string().optional(),
    items: z.array(z.string()).min(1).optional(),
  })
  .strict();

/** How item outcomes become the verdict's outcome: the first rule whose test holds, else `otherwise`. */
export const DecisionSchema = z
  .object({
    rules: z.array(z.object({ outcome: z.string().min(1), when: DecisionTestSchema }).strict()),
    otherwise: z.string().min(1),
  })
  .strict();

export const IndicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    label: LocalizedTextSchema,
    description: LocalizedTextSchema,
  })
  .strict();

export const SUBJECT_TYPES = ['household', 'village', 'county', 'unit'] as const;

export const RuleSetSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'rule-set ids are lowercase kebab-case'),
    version: z.number().int().positive(),
    effectiveFrom: z.iso.date('effectiveFrom must be a date like 2014-01-01'),
    subjectType: z.enum(SUBJECT_TYPES),
    appliesTo: z.object({ statuses: z.array(z.string()).min(1) }).strict().optional(),
    description: LocalizedTextSchema,
    references: z.array(z.string().min(1)).min(1),
    changeNote: z.string().min(1),
    parameters: z.record(z.string(), ParameterValueSchema),
    /** Every parameter's label, unit and references, by name: the values stay where the engine reads them. */
    parameterInfo: z.record(z.string(), ParameterInfoSchema),
    items: z.array(ItemSchema),
    warnings: z.array(ItemSchema).default([]),
    indicators: z.array(IndicatorSchema).default([]),
    decision: DecisionSchema.optional(),
    outcomeLabels: z.record(z.string(), LocalizedTextSchema),
  })
  .strict()
  .superRefine((ruleSet, ctx) => {
    const seen = new Set<string>();
    for (const [index, item] of ruleSet.items.entries()) {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate item id ${item.id}`, params: { problem: 'duplicateItem', id: item.id } });
      seen.add(item.id);
    }
    for (const name of Object.keys(ruleSet.parameters)) {
      if (!Object.hasOwn(ruleSet.parameterInfo, name)) {
        ctx.addIssue({ code: 'custom', path: ['parameterInfo', name], message: `parameter ${name} has no label, unit and reference`, params: { problem: 'parameterUndescribed', name } });
      }
    }
    for (const name of Object.keys(ruleSet.parameterInfo)) {
      if (!Object.hasOwn(ruleSet.parameters, name)) ctx.addIssue({ code: 'custom', path: ['parameterInfo', name], message: `no parameter ${name}`, params: { problem: 'noParameter', name } });
    }
    if (ruleSet.items.length > 0 && !ruleSet.decision) {
      ctx.addIssue({ code: 'custom', path: ['decision'], message: 'a rule set with items needs a decision', params: { problem: 'needsDecision' } });
    }
    const decision = ruleSet.decision;
    if (!decision) return;
    const groups = new Set(ruleSet.items.map((item) => item.group).filter((g): g is string => g !== undefined));
    const outcomes = [...decision.rules.map((r) => r.outcome), decision.otherwise];
    for (const [index, rule] of decision.rules.entries()) {
      if (rule.when.group !== undefined && !groups.has(rule.when.group)) {
        ctx.addIssue({ code: 'custom', path: ['decision', 'rules', index, 'when', 'group'], message: `no item has group ${rule.when.group}`, params: { problem: 'noGroup', group: rule.when.group } });
      }
      for (const id of rule.when.items ?? []) {
        if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['decision', 'rules', index, 'when', 'items'], message: `no item ${id}`, params: { problem: 'noItem', id } });
      }
    }
    for (const outcome of outcomes) {
      if (!ruleSet.outcomeLabels[outcome]) {
        ctx.addIssue({ code: 'custom', path: ['outcomeLabels', outcome], message: `outcome ${outcome} has no zh/en label`, params: { problem: 'outcomeUnlabelled', outcome } });
      }
    }
  });

export type RuleSetInput = z.input<typeof RuleSetSchema>;
export type RuleSet = z.output<typeof RuleSetSchema>;
export type RuleSetItem = z.output<typeof ItemSchema>;
export type Decision = z.output<typeof DecisionSchema>;
export type ParameterValue = z.output<typeof ParameterValueSchema>;

/**
 * `RuleSetSchema.safeParse` behind the nesting and size limits (see rule-set-limits.ts): zod
 * walks conditions recursively, so a document nested too deep must be refused before it does.
 * Every reader of a rule-set document (file, request, store) parses through this.
 */
export function safeParseRuleSet(document: unknown): z.ZodSafeParseResult<RuleSet> {
  const problem = documentLimitProblem(document, 'rule set');
  if (problem) return { success: false, error: new z.ZodError([{ code: 'custom', path: [], message: limitMessage(problem), input: document }]) as z.ZodError<RuleSet> };
  // With each issue's input, so the gate can say what it found in another language.
  return RuleSetSchema.safeParse(document, { reportInput: true });
}
