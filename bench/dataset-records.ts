/**
 * The record shapes of docs/data-contract.md, as the generator writes them (field order is the
 * order of docs/data-contract.md, so the files read like the contract). `null` is missing data;
 * an optional field left `undefined` is absent from the JSON line.
 */
import type { HouseholdStatus, Region } from './province-options.js';

export interface Principal {
  name: string;
  title: string;
}

export interface Survey {
  exitedSampled: number;
  wronglyExited: number;
  unregisteredSampled: number;
  omitted: number;
  householdsSurveyed: number;
  householdsApproving: number;
}

export interface CountyRecord {
  countyId: string;
  name: string;
  province: string;
  region: Region;
  ruralRegisteredPopulation: number;
  survey?: Survey;
}

export interface TownshipRecord {
  townshipId: string;
  countyId: string;
  name: string;
  hasStandardCentralSchool: boolean | null;
  hasQualifiedHealthCentre: boolean | null;
  hasServiceCentre: boolean | null;
  principal: Principal;
}

export interface VillageRecord {
  villageId: string;
  townshipId: string;
  countyId: string;
  name: string;
  ruralRegisteredPopulation: number | null;
  collectiveIncome: number | null;
  hasHardenedRoad: boolean;
  hasStandardClinic: boolean;
  hasCultureRoom: boolean;
  hasNetwork: boolean;
  assistingUnitId: string;
}

export interface UnitRecord {
  unitId: string;
  countyId: string;
  name: string;
  principal: Principal;
}

export type Schooling = 'enrolled' | 'dropped-out' | 'exempt' | 'not-applicable';

export interface MemberRecord {
  memberId: string;
  age: number | null;
  schooling: Schooling | null;
  medicalInsurance: boolean | null;
  criticalIllnessInsurance: boolean | null;
  fiscalPayroll: boolean;
  villageCadre: boolean;
  seriousIllness: boolean;
}

export interface HousingRecord {
  hasHouse: boolean;
  safetyGrade: 'A' | 'B' | 'C' | 'D' | null;
  relocated: boolean;
  movedIn: boolean | null;
}

export interface WaterRecord {
  qualityOk: boolean | null;
  litresPerPersonDay: number | null;
  fetchMinutes: number | null;
  reliabilityPct: number | null;
}

export interface NoticeRecord {
  stage: 'village' | 'township';
  start: string;
  end: string;
}

export interface HouseholdRecord {
  householdId: string;
  villageId: string;
  status: HouseholdStatus;
  registeredYear: number | null;
  returnedYear: number | null;
  plannedExitYear: number | null;
  incomePerCapita?: number | null;
  members: MemberRecord[];
  housing: HousingRecord;
  water: WaterRecord;
  electricity: boolean | null;
  radioTv: boolean | null;
  assets: { townProperty: boolean; vehicleValue: number; ownsBusiness: boolean; hiresLabour: boolean };
  awayMonths: number;
  splitHousehold: boolean;
  spending: { medicalSelfPaid: number; education: number; disasterLoss: number };
  notices: NoticeRecord[];
}

export type Card = 'red-flag' | 'yellow-card';
export type UnitType = 'township' | 'assisting-unit';

export interface CardHistoryRecord {
  unitType: UnitType;
  unitId: string;
  quarter: string;
  card: Card;
}
