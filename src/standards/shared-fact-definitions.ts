import type { FactDefinition } from './fact-types.js';

/** Facts several household standards compute alike, defined once for their catalogues. */
export const SHARED_HOUSEHOLD_FACTS = {
  incomePerCapita: { type: 'number', description: 'net income per person per year (yuan)' },
  schoolAgeDropout: { type: 'boolean', description: 'a member of compulsory-schooling age has dropped out' },
  totalNetIncome: { type: 'number', description: 'income per capita × members listed' },
  housing: {
    type: 'object',
    fields: { hasHouse: 'boolean', safetyGrade: 'string', relocated: 'boolean', movedIn: 'boolean' },
    description: 'the housing record',
  },
} as const satisfies Record<string, FactDefinition>;
