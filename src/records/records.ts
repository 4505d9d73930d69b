/** The data contract in one import: every record schema and type. */
export { AssistingUnitSchema, type AssistingUnit } from './assisting-unit-schema.js';
export { CARD_UNIT_TYPES, CARDS, CardHistoryEntrySchema, type CardHistoryEntry, type CardUnitType } from './card-history-schema.js';
export { CountySchema, REGIONS, SurveySchema, type County, type Region, type Survey } from './county-schema.js';
export {
  AssetsSchema,
  HOUSEHOLD_STATUSES,
  HouseholdSchema,
  HousingSchema,
  MemberSchema,
  NoticeSchema,
  SAFETY_GRADES,
  SCHOOLING_VALUES,
  SpendingSchema,
  WaterSchema,
  type Assets,
  type Household,
  type HouseholdStatus,
  type Housing,
  type Member,
  type Notice,
  type Spending,
  type Water,
} from './household-schema.js';
export { PrincipalSchema, type Principal } from './principal-schema.js';
export { TownshipSchema, type Township } from './township-schema.js';
export { VillageSchema, type Village } from './village-schema.js';
