import { z } from 'zod';
import { LocalizedTextSchema } from './verdict.js';

/**
 * The units a parameter may be given in: a closed list, so every unit has a zh/en display text
 * and a policy officer never meets an abbreviation nobody wrote down.
 */
export const PARAMETER_UNITS = {
  'yuan-per-person-year': { zh: '元/人·年', en: 'yuan per person per year' },
  yuan: { zh: '元', en: 'yuan' },
  'years-of-age': { zh: '周岁', en: 'years of age' },
  months: { zh: '月', en: 'months' },
  days: { zh: '天', en: 'days' },
  minutes: { zh: '分钟', en: 'minutes' },
  'litres-per-person-day': { zh: '升/人·日', en: 'litres per person per day' },
  percent: { zh: '百分数（0–100）', en: 'percent (0–100)' },
  fraction: { zh: '比率（0.03 即 3%）', en: 'fraction (0.03 is 3%)' },
  multiple: { zh: '倍', en: 'times' },
  points: { zh: '分', en: 'points' },
  count: { zh: '个（次）', en: 'count' },
  'decimal-places': { zh: '位小数', en: 'decimal places' },
  grades: { zh: '房屋安全等级（A–D）', en: 'house safety grades (A–D)' },
  statuses: { zh: '建档立卡状态', en: 'household statuses' },
  items: { zh: '标准项', en: 'standard items' },
  choice: { zh: '选项', en: 'choice' },
} as const;

export type ParameterUnit = keyof typeof PARAMETER_UNITS;

const UNIT_IDS = Object.keys(PARAMETER_UNITS) as [ParameterUnit, ...ParameterUnit[]];

export const ParameterUnitSchema = z.enum(UNIT_IDS, { error: () => `a unit is one of ${UNIT_IDS.join(', ')}` });

/**
 * Where a value comes from: the document by its published title (and number), the article or
 * section, and the date it was issued (a day, or a month or year when only that is known).
 */
export const ParameterReferenceSchema = z
  .object({
    document: z.string().min(1, 'a reference names its document'),
    section: z.string().min(1, 'a reference names the article or section'),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a reference date is 2016-04-23, 2016-04 or 2016'),
  })
  .strict();

/**
 * What a parameter means, for the people who read and change it: a zh/en label, its unit (one
 * unit, or one per field of a parameter made of several numbers), its references, and where
 * the provinces differ, a note saying how.
 */
export const ParameterInfoSchema = z
  .object({
    label: LocalizedTextSchema,
    unit: z.union([ParameterUnitSchema, z.record(z.string(), ParameterUnitSchema)], {
      error: () => `a unit is one of ${UNIT_IDS.join(', ')}, or an object giving one of them per field`,
    }),
    reference: z.array(ParameterReferenceSchema).min(1, 'a parameter names at least one reference'),
    provincialVariation: LocalizedTextSchema.optional(),
  })
  .strict();

export type ParameterInfo = z.output<typeof ParameterInfoSchema>;
export type ParameterReference = z.output<typeof ParameterReferenceSchema>;
