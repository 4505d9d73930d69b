import { beforeAll, describe, expect, it } from 'vitest';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import { countyExitContext, countyExitFacts, countyFigures, type CountyExitContext, type CountyPopulation } from '../../../src/standards/county-exit-facts.js';
import { aCounty, aTownship } from '../../helpers/builders.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';

let context: CountyExitContext;

beforeAll(async () => {
  const ruleSet = (await repositoryRuleSets()).find((r) => r.id === 'county-exit' && r.version === 1)!;
  context = countyExitContext(prepareRuleSet(ruleSet, 2018));
});

/** 100 remaining poor, 1500 people exited, 2000 registered. */
const population: CountyPopulation = { remainingPoor: 100, exitedPopulation: 1500, registeredPopulation: 2000 };

/**
 * The default county: 10 000 rural registered people; the survey finds 2 of 200 exited people
 * wrongly exited (1%), 5 of 500 unregistered people omitted (1%), 95 of 100 households approving.
 */
const county = aCounty();

describe('countyFigures', () => {
  it('computes the comprehensive incidence of standards.md §4 from its parts', () => {
    // unregistered = 10 000 − 2 000 = 8 000; numerator = 100 + 1% × 8 000 + 1% × 1 500 = 195.
    expect(countyFigures(county, population)).toEqual({
      remainingPoor: 100,
      exitedPopulation: 1500,
      registeredPopulation: 2000,
      unregisteredRuralPopulation: 8000,
      ruralRegisteredPopulation: 10000,
      wrongExitRate: 0.01,
      omissionRate: 0.01,
      approvalRate: 0.95,
      numerator: 195,
      denominator: 10000,
      ratio: 0.0195,
    });
  });

  it('weighs the omission rate by the unregistered and the wrong-exit rate by the exited population', () => {
    const survey = { exitedSampled: 100, wronglyExited: 10, unregisteredSampled: 100, omitted: 0, householdsSurveyed: 10, householdsApproving: 10 };
    const figures = countyFigures(aCounty({ survey }), { remainingPoor: 0, exitedPopulation: 300, registeredPopulation: 1000 });
    expect(figures.numerator).toBeCloseTo(30, 12);
    expect(figures.ratio).toBeCloseTo(0.003, 15);
  });

  it('has no rate whose survey denominator is zero, and so no incidence when that rate is needed', () => {
    const figures = countyFigures(aCounty({ survey: { exitedSampled: 0, wronglyExited: 0 } }), population);
    expect(figures.wrongExitRate).toBeNull();
    expect(figures.numerator).toBeNull();
    expect(figures.ratio).toBeNull();
    expect(figures.omissionRate).toBe(0.01);
  });

  it('keeps the incidence when only the approval survey has a zero denominator', () => {
    const figures = countyFigures(aCounty({ survey: { householdsSurveyed: 0, householdsApproving: 0 } }), population);
    expect(figures.approvalRate).toBeNull();
    expect(figures.ratio).toBe(0.0195);
  });

  it('has no rates without a survey', () => {
    const figures = countyFigures(aCounty({ survey: null }), population);
    expect([figures.wrongExitRate, figures.omissionRate, figures.approvalRate, figures.numerator, figures.ratio]).toEqual([null, null, null, null, null]);
  });

  it('has no incidence without a rural registered population, or with a zero one', () => {
    expect(countyFigures(aCounty({ ruralRegisteredPopulation: null }), population)).toMatchObject({ unregisteredRuralPopulation: null, numerator: null, ratio: null });
    expect(countyFigures(aCounty({ ruralRegisteredPopulation: 0 }), { remainingPoor: 0, exitedPopulation: 0, registeredPopulation: 0 }).ratio).toBeNull();
  });
});

describe('countyExitFacts', () => {
  const townships = [aTownship(), aTownship({ townshipId: 'T-02' })];

  function factsOf(c = county, t = townships, p = population) {
    return countyExitFacts(c, t, countyFigures(c, p), context);
  }

  it('gives the rates, the incidence and the limit of the county’s region', () => {
    expect(factsOf().values).toEqual({
      comprehensiveIncidence: 0.0195,
      incidenceLimit: 0.03,
      wrongExitRate: 0.01,
      omissionRate: 0.01,
      approvalRate: 0.95,
      everyTownshipHasCentralSchool: true,
      everyTownshipHasHealthCentre: true,
      everyTownshipHasServiceCentre: true,
    });
    expect(factsOf().missing).toEqual({});
    expect(factsOf(aCounty({ region: 'central' })).values.incidenceLimit).toBe(0.02);
  });

  it('leaves the limit unknown without a region, naming the field', () => {
    const facts = factsOf(aCounty({ region: null }));
    expect(facts.values.incidenceLimit).toBeNull();
    expect(facts.missing.incidenceLimit).toEqual(['region']);
  });

  it('names the denominator of a rate whose denominator is zero', () => {
    const facts = factsOf(aCounty({ survey: { householdsSurveyed: 0, householdsApproving: 0 } }));
    expect(facts.values.approvalRate).toBeNull();
    expect(facts.missing.approvalRate).toEqual(['survey.householdsSurveyed']);
  });

  it('names the numerator of a rate whose numerator is missing', () => {
    const facts = factsOf(aCounty({ survey: { wronglyExited: null } }));
    expect(facts.values.wrongExitRate).toBeNull();
    expect(facts.missing.wrongExitRate).toEqual(['survey.wronglyExited']);
  });

  it('names the survey for every survey fact when there is none', () => {
    const facts = factsOf(aCounty({ survey: null }));
    expect(facts.missing).toMatchObject({ comprehensiveIncidence: ['survey'], wrongExitRate: ['survey'], omissionRate: ['survey'], approvalRate: ['survey'] });
  });

  it('names the population when the incidence has no denominator', () => {
    const facts = factsOf(aCounty({ ruralRegisteredPopulation: 0 }));
    expect(facts.values.comprehensiveIncidence).toBeNull();
    expect(facts.missing.comprehensiveIncidence).toEqual(['ruralRegisteredPopulation']);
  });

  it('fails a township item on one township without the facility, whatever others lack', () => {
    const facts = factsOf(county, [aTownship({ hasStandardCentralSchool: null }), aTownship({ townshipId: 'T-02', hasStandardCentralSchool: false })]);
    expect(facts.values.everyTownshipHasCentralSchool).toBe(false);
  });

  it('leaves a township item unknown when a township has no value, naming the township', () => {
    const facts = factsOf(county, [aTownship(), aTownship({ townshipId: 'T-02', hasServiceCentre: null })]);
    expect(facts.values.everyTownshipHasServiceCentre).toBeNull();
    expect(facts.missing.everyTownshipHasServiceCentre).toEqual(['townships[T-02].hasServiceCentre']);
  });

  it('leaves the township items unknown for a county with no townships listed', () => {
    const facts = factsOf(county, []);
    expect([facts.values.everyTownshipHasCentralSchool, facts.values.everyTownshipHasHealthCentre, facts.values.everyTownshipHasServiceCentre]).toEqual([null, null, null]);
    expect(facts.missing.everyTownshipHasHealthCentre).toEqual(['townships']);
  });
});

describe('countyExitFacts with rejected rows', () => {
  const row = 'rejected row townships.jsonl:3: hasServiceCentre: expected a boolean, got "yes"';

  it('leaves the incidence undecided, naming the rejected household rows', () => {
    const facts = countyExitFacts(county, [aTownship()], countyFigures(county, population), context, { incidence: ['rejected row households.jsonl:5: …'], townships: [] });
    expect(facts.values.comprehensiveIncidence).toBeNull();
    expect(facts.missing.comprehensiveIncidence).toEqual(['rejected row households.jsonl:5: …']);
    expect(facts.values.everyTownshipHasServiceCentre).toBe(true);
  });

  it('leaves the township items undecided with a rejected township row, unless a known township already fails them', () => {
    const townships = [aTownship(), aTownship({ townshipId: 'T-02', hasStandardCentralSchool: false })];
    const facts = countyExitFacts(county, townships, countyFigures(county, population), context, { incidence: [], townships: [row] });
    expect(facts.values.everyTownshipHasServiceCentre).toBeNull();
    expect(facts.missing.everyTownshipHasServiceCentre).toEqual([row]);
    expect(facts.values.everyTownshipHasCentralSchool).toBe(false);
    expect(facts.values.comprehensiveIncidence).toBe(0.0195);
  });
});
