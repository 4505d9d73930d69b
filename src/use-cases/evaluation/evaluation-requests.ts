import { z } from 'zod';
import { HouseholdSchema } from '../../records/records.js';

/** A four-digit assessment year, like the year part of a quarter (`2018Q4`). */
const YearSchema = z.int().min(1000).max(9999).describe('the assessment year, e.g. 2018');
/**
 * The longest id of a stored subject a caller may name. DynamoDB refuses a key over 2 KB: an id
 * past any the data contract uses is a bad request (400), not a fault of the store (500).
 */
export const MAX_SUBJECT_ID_LENGTH = 256;
export const subjectIdTooLong = { error: `expected an id of at most ${MAX_SUBJECT_ID_LENGTH} characters` };
const RuleSetIdSchema = z.string().regex(/\S/, { error: 'expected a rule-set id' }).describe('the standard, e.g. household-exit');

/**
 * Body of `POST /evaluations`: a standard, an assessment year, and either an inline household
 * (`record`, judged and not stored) or the id of a stored subject (`subjectId`, judged and stored).
 */
export const EvaluationRequestSchema = z
  .strictObject({
    ruleSetId: RuleSetIdSchema,
    year: YearSchema,
    record: HouseholdSchema.optional().describe('an inline household of the data contract (household standards only)'),
    subjectId: z.string().regex(/\S/, { error: 'expected a subject id' }).max(MAX_SUBJECT_ID_LENGTH, subjectIdTooLong).optional().describe('the id of a stored household, village or county'),
  })
  .superRefine((body, context) => {
    if ((body.record === undefined) === (body.subjectId === undefined)) {
      context.addIssue({ code: 'custom', path: [], message: 'give exactly one of record and subjectId' });
    }
  })
  // The refinement above, as JSON Schema says it (for docs/openapi.json).
  .meta({ oneOf: [{ required: ['record'] }, { required: ['subjectId'] }] })
  .describe('Judge an inline household, or a stored household, village or county, by one standard');

export type EvaluationRequest = z.output<typeof EvaluationRequestSchema>;

/** Body of `POST /villages/{villageId}/re-evaluations` (may be empty or absent). */
export const ReEvaluationRequestSchema = z
  .strictObject({ year: YearSchema.optional().describe('the assessment year; the current one when absent') })
  .describe("Re-score one village and its county's roll-up now");

export type ReEvaluationRequest = z.output<typeof ReEvaluationRequestSchema>;
