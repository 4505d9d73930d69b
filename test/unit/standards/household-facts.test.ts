import { beforeAll, describe, expect, it } from 'vitest';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import type { Verdict } from '../../../src/engine/verdict.js';
import { householdExitContext, householdExitFacts, type HouseholdExitContext } from '../../../src/standards/household-exit-facts.js';
import { identificationContext, identificationFacts, type IdentificationContext } from '../../../src/standards/identification-facts.js';
import { NOT_JUDGED, returnRiskContext, returnRiskFacts, type ReturnRiskContext } from '../../../src/standards/return-risk-facts.js';
import { aHousehold, aMember } from '../../helpers/builders.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';

let exit: HouseholdExitContext;
let identification: IdentificationContext;
let returnRisk: ReturnRiskContext;

beforeAll(async () => {
  const ruleSets = await repositoryRuleSets();
  const prepared = (id: string) => prepareRuleSet(ruleSets.find((r) => r.id === id && r.version === 1)!, 2018);
  exit = householdExitContext(prepared('household-exit'));
  identification = identificationContext(prepared('identification'));
  returnRisk = returnRiskContext(prepared('return-risk'));
});

describe('householdExitFacts', () => {
  it('passes the record’s values through and decides the member facts', () => {
    const facts = householdExitFacts(aHousehold(), exit);
    expect(facts.values).toMatchObject({
      incomePerCapita: 5200,
      schoolAgeDropout: false,
      allMembersInsured: true,
      housing: { hasHouse: true, safetyGrade: 'B', relocated: false, movedIn: null },
      electricity: true,
      radioTv: true,
      registeredThisYear: false,
      returnedThisYear: false,
    });
    expect(facts.missing).toEqual({});
  });

  it('knows a household registered or returned in the assessment year', () => {
    expect(householdExitFacts(aHousehold({ registeredYear: 2018 }), exit).values.registeredThisYear).toBe(true);
    expect(householdExitFacts(aHousehold({ returnedYear: 2018 }), exit).values.returnedThisYear).toBe(true);
  });

  it('reads a missing registration or return year as not this year', () => {
    const facts = householdExitFacts(aHousehold({ registeredYear: null, returnedYear: null }), exit);
    expect([facts.values.registeredThisYear, facts.values.returnedThisYear]).toEqual([false, false]);
  });

  it('names the members behind an undecided education or medical fact', () => {
    const facts = householdExitFacts(aHousehold({ members: [aMember({ medicalInsurance: null }), aMember({ age: 7, schooling: null })] }), exit);
    expect(facts.missing).toEqual({ schoolAgeDropout: ['members[1].schooling'], allMembersInsured: ['members[0].medicalInsurance'] });
  });

  it('names a missing record field by its own name', () => {
    const facts = householdExitFacts(aHousehold({ incomePerCapita: null, water: null }), exit);
    expect(facts.missing).toEqual({ incomePerCapita: ['incomePerCapita'], water: ['water'] });
  });
});

describe('identificationFacts', () => {
  it('sets the deep-poverty line at the rule set’s share of the year’s line', () => {
    expect(identificationFacts(aHousehold(), identification).values.deepPovertyLine).toBeCloseTo(0.6 * 3535, 9);
  });

  it('gives total net income and the shortest notice', () => {
    const facts = identificationFacts(aHousehold({ incomePerCapita: 2000 }), identification);
    expect(facts.values.totalNetIncome).toBe(4000);
    expect(facts.values.shortestNoticeDays).toBe(7);
  });

  it('fires a member prohibition on one member, and names the members when undecided', () => {
    expect(identificationFacts(aHousehold({ members: [aMember(), aMember({ fiscalPayroll: true })] }), identification).values.fiscalPayrollMember).toBe(true);
    const facts = identificationFacts(aHousehold({ members: [aMember({ villageCadre: null })] }), identification);
    expect(facts.missing.villageCadreMember).toEqual(['members[0].villageCadre']);
  });

  it('names the notices when no notice has both dates', () => {
    const facts = identificationFacts(aHousehold({ notices: [] }), identification);
    expect(facts.values.shortestNoticeDays).toBeNull();
    expect(facts.missing.shortestNoticeDays).toEqual(['notices']);
  });
});

describe('returnRiskFacts', () => {
  const exitVerdict = (outcome: string) => ({ outcome }) as Verdict;

  it('sets the monitoring line at the rule set’s multiple of the year’s line', () => {
    expect(returnRiskFacts(aHousehold(), returnRisk, null).values.monitoringLine).toBeCloseTo(1.5 * 3535, 9);
  });

  it('sums rigid spending over medical, education and disaster losses', () => {
    const facts = returnRiskFacts(aHousehold({ spending: { medicalSelfPaid: 800, education: 1200, disasterLoss: 300 } }), returnRisk, null);
    expect(facts.values.rigidSpending).toBe(2300);
    expect(facts.values.totalNetIncome).toBe(10400);
  });

  it('names each missing part of rigid spending, or the whole record', () => {
    expect(returnRiskFacts(aHousehold({ spending: { education: null, disasterLoss: null } }), returnRisk, null).missing.rigidSpending).toEqual([
      'spending.education',
      'spending.disasterLoss',
    ]);
    expect(returnRiskFacts(aHousehold({ spending: null }), returnRisk, null).missing.rigidSpending).toEqual(['spending']);
  });

  it('takes the household-exit outcome of today, or not-judged without a verdict', () => {
    expect(returnRiskFacts(aHousehold(), returnRisk, exitVerdict('fail')).values.householdExitOutcome).toBe('fail');
    expect(returnRiskFacts(aHousehold(), returnRisk, null).values.householdExitOutcome).toBe(NOT_JUDGED);
  });
});
