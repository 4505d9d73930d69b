import { beforeAll, describe, expect, it } from 'vitest';
import { ParameterMissingError, RuleSetInvalidError } from '../../../src/engine/errors.js';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import type { RuleSet } from '../../../src/engine/rule-set-schema.js';
import type { RemainingPoor } from '../../../src/standards/remaining-poor.js';
import { villageExitContext, villageExitFacts, villageFigures, type VillageExitContext } from '../../../src/standards/village-exit-facts.js';
import { aVillage } from '../../helpers/builders.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';

let ruleSet: RuleSet;
let context: VillageExitContext;

beforeAll(async () => {
  ruleSet = (await repositoryRuleSets()).find((r) => r.id === 'village-exit' && r.version === 1)!;
  context = villageExitContext(prepareRuleSet(ruleSet, 2018));
});

const remaining: RemainingPoor = { people: 20, peopleWithUnknownVerdict: 4, households: 6 };

describe('villageFigures', () => {
  it('reports remaining poor people over the rural registered population, with its parts', () => {
    expect(villageFigures(aVillage({ ruralRegisteredPopulation: 800 }), remaining)).toEqual({
      remainingPoor: 20,
      remainingPoorWithUnknownVerdict: 4,
      remainingPoorHouseholds: 6,
      ruralRegisteredPopulation: 800,
      numerator: 20,
      denominator: 800,
      ratio: 0.025,
    });
  });

  it('has no ratio without a population or with a zero one', () => {
    expect(villageFigures(aVillage({ ruralRegisteredPopulation: null }), remaining)).toMatchObject({ denominator: null, ratio: null });
    expect(villageFigures(aVillage({ ruralRegisteredPopulation: 0 }), remaining)).toMatchObject({ denominator: 0, ratio: null });
  });
});

describe('villageExitFacts', () => {
  it('gives the incidence, the limit of the region and the village’s facilities', () => {
    const facts = villageExitFacts(aVillage(), 'west', remaining, context);
    expect(facts.values).toEqual({
      povertyIncidence: 0.025,
      incidenceLimit: 0.03,
      collectiveIncome: 36000,
      hasHardenedRoad: true,
      hasStandardClinic: true,
      hasCultureRoom: true,
      hasNetwork: true,
    });
    expect(facts.missing).toEqual({});
  });

  it('uses the stricter limit in central and eastern provinces', () => {
    expect(villageExitFacts(aVillage(), 'central', remaining, context).values.incidenceLimit).toBe(0.02);
    expect(villageExitFacts(aVillage(), 'east', remaining, context).values.incidenceLimit).toBe(0.02);
  });

  it('leaves the limit unknown without the county’s region, naming it', () => {
    const facts = villageExitFacts(aVillage(), null, remaining, context);
    expect(facts.values.incidenceLimit).toBeNull();
    expect(facts.missing.incidenceLimit).toEqual(['county.region']);
  });

  it('leaves the incidence unknown with a missing or zero population, naming the field', () => {
    for (const ruralRegisteredPopulation of [null, 0]) {
      const facts = villageExitFacts(aVillage({ ruralRegisteredPopulation }), 'west', remaining, context);
      expect(facts.values.povertyIncidence).toBeNull();
      expect(facts.missing.povertyIncidence).toEqual(['ruralRegisteredPopulation']);
    }
  });

  it('names each missing village field', () => {
    const facts = villageExitFacts(aVillage({ collectiveIncome: null, hasNetwork: null }), 'west', remaining, context);
    expect(facts.missing).toEqual({ collectiveIncome: ['collectiveIncome'], hasNetwork: ['hasNetwork'] });
  });
});

describe('villageExitContext', () => {
  it('reads the remaining-poor statuses from the rule set', () => {
    expect(context.remainingPoor).toEqual({ notPassingStatuses: ['poor', 'returned'], failingStatuses: ['exited'] });
  });

  it('refuses a rule set without a region table of incidence limits before any village is judged', () => {
    const { incidenceLimit: _dropped, ...parameters } = ruleSet.parameters;
    const broken = { ...ruleSet, parameters: { ...parameters, incidenceLimit: 0.03 } };
    expect(() => villageExitContext(prepareRuleSet(broken, 2018))).toThrow(ParameterMissingError);
  });

  it('refuses a rule set whose remaining-poor statuses are malformed, naming the parameter', () => {
    const broken = { ...ruleSet, parameters: { ...ruleSet.parameters, remainingPoor: { notPassingStatuses: [] } } };
    expect(() => villageExitContext(prepareRuleSet(broken, 2018))).toThrow(RuleSetInvalidError);
    expect(() => villageExitContext(prepareRuleSet(broken, 2018))).toThrow(/parameters\.remainingPoor/);
  });
});
