/** The data contract in one import: every record schema and type. */
export { AssistingUnitSchema, type AssistingUnit } from './schemas/unit-schemas.js';
export { CARD_UNIT_TYPES, CARDS, CardHistoryEntrySchema, type CardHistoryEntry, type CardUnitType } from './schemas/unit-schemas.js';
export { CountySchema, REGIONS, SurveySchema, type County, type Region, type Survey } from './schemas/place-schemas.js';
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
} from './schemas/household-schema.js';
export { PrincipalSchema, type Principal } from './schemas/unit-schemas.js';
export { TownshipSchema, type Township } from './schemas/place-schemas.js';
export { VillageSchema, type Village } from './schemas/place-schemas.js';
