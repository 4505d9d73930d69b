import { z } from 'zod';
import { field } from './nullable-fields.js';

export const HOUSEHOLD_STATUSES = ['poor', 'exited', 'returned', 'applicant', 'non-poor'] as const;
export const SCHOOLING_VALUES = ['enrolled', 'dropped-out', 'exempt', 'not-applicable'] as const;
export const SAFETY_GRADES = ['A', 'B', 'C', 'D'] as const;

/**
 * A member of a household. `memberId` is required like every id: a member without one cannot
 * be named in an explanation, so the household is rejected rather than judged on a guess.
 */
export const MemberSchema = z.looseObject({
  memberId: field.id(),
  age: field.age(),
  schooling: field.oneOf(SCHOOLING_VALUES),
  medicalInsurance: field.flag(),
  criticalIllnessInsurance: field.flag(),
  fiscalPayroll: field.flag(),
  villageCadre: field.flag(),
  seriousIllness: field.flag(),
});

export const HousingSchema = z.looseObject({
  hasHouse: field.flag(),
  safetyGrade: field.oneOf(SAFETY_GRADES),
  relocated: field.flag(),
  movedIn: field.flag(),
});

export const WaterSchema = z.looseObject({
  qualityOk: field.flag(),
  litresPerPersonDay: field.amount(),
  fetchMinutes: field.amount(),
  reliabilityPct: field.percent(),
});

export const AssetsSchema = z.looseObject({
  townProperty: field.flag(),
  vehicleValue: field.money(),
  ownsBusiness: field.flag(),
  hiresLabour: field.flag(),
});

export const SpendingSchema = z.looseObject({
  medicalSelfPaid: field.money(),
  education: field.money(),
  disasterLoss: field.money(),
});

/** A public notice of the identification procedure (一榜公示, 二榜公示, 公告). */
export const NoticeSchema = z.looseObject({
  stage: field.text(),
  start: field.date(),
  end: field.date(),
});

/** A line of `households.jsonl`. Only the ids and `status` are required. */
export const HouseholdSchema = z.looseObject({
  householdId: field.id(),
  villageId: field.id(),
  status: z.enum(HOUSEHOLD_STATUSES),
  headName: z.string().nullable().optional(), // 户主姓名: only shown in reports; absent stays absent
  registeredYear: field.year(),
  returnedYear: field.year(),
  plannedExitYear: field.year(),
  incomePerCapita: field.money(),
  members: field.list(MemberSchema),
  housing: field.object(HousingSchema),
  water: field.object(WaterSchema),
  electricity: field.flag(),
  radioTv: field.flag(),
  assets: field.object(AssetsSchema),
  awayMonths: field.amount(),
  splitHousehold: field.flag(),
  spending: field.object(SpendingSchema),
  notices: field.list(NoticeSchema),
});

export type Household = z.output<typeof HouseholdSchema>;
export type Member = z.output<typeof MemberSchema>;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];
export type Housing = z.output<typeof HousingSchema>;
export type Water = z.output<typeof WaterSchema>;
export type Assets = z.output<typeof AssetsSchema>;
export type Spending = z.output<typeof SpendingSchema>;
export type Notice = z.output<typeof NoticeSchema>;
