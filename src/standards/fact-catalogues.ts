import { countyExitFactCatalogue } from './county-exit-facts.js';
import type { FactCatalogue } from './fact-types.js';
import { householdExitFactCatalogue } from './household-exit-facts.js';
import { identificationFactCatalogue } from './identification-facts.js';
import { returnRiskFactCatalogue } from './return-risk-facts.js';
import type { StandardId } from './standard-ids.js';
import { villageExitFactCatalogue } from './village-exit-facts.js';

/** The facts each standard's code computes: what its rule sets may refer to. */
export const FACT_CATALOGUES: Readonly<Record<StandardId, FactCatalogue>> = {
  'household-exit': householdExitFactCatalogue,
  identification: identificationFactCatalogue,
  'return-risk': returnRiskFactCatalogue,
  'village-exit': villageExitFactCatalogue,
  'county-exit': countyExitFactCatalogue,
  accountability: {},
};
