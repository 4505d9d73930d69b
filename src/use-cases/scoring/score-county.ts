import { judge } from '../../engine/judge.js';
import type { Verdict } from '../../engine/verdict.js';
import type { County, Township } from '../../records/records.js';
import { countyExitFacts, countyFigures, type CountyPopulation, type CountyRejections } from '../../standards/county-exit-facts.js';
import type { ScoringContext } from '../scoring-context.js';

/** Sums the village partials of a county. */
export function sumPopulations(parts: Iterable<CountyPopulation>): CountyPopulation {
  let remainingPoor = 0;
  let exitedPopulation = 0;
  let registeredPopulation = 0;
  for (const part of parts) {
    remainingPoor += part.remainingPoor;
    exitedPopulation += part.exitedPopulation;
    registeredPopulation += part.registeredPopulation;
  }
  return { remainingPoor, exitedPopulation, registeredPopulation };
}

/** Judges a county from its record, its townships and the sums over its villages (§4), with the rejected rows its items need. */
export async function scoreCounty(
  context: ScoringContext,
  county: County,
  townships: readonly Township[],
  population: CountyPopulation,
  rejected?: CountyRejections,
): Promise<Verdict> {
  const { countyExit } = context;
  const figures = countyFigures(county, population);
  const sortedTownships = [...townships].sort((a, b) => (a.townshipId < b.townshipId ? -1 : 1));
  return judge(
    context.evaluator,
    countyExit.prepared,
    { type: 'county', id: county.countyId, figures },
    countyExitFacts(county, sortedTownships, figures, countyExit.context, rejected),
  );
}
