import type { Stores } from '../../ports/stores.js';
import { runAccountability } from '../../standards/accountability/run-accountability.js';
import { currentTallies } from './aggregate-county.js';
import { accountableUnits } from '../accountability/accountable-units.js';
import type { ScoringContext } from '../scoring-context.js';

/**
 * Scores the county's townships and assisting units for the quarter, appends the quarter's
 * cards to the history (keyed by unit and quarter, so a retry rewrites the same items), and
 * stores the scores and lists. Returns the score rows and cards that changed.
 */
export async function accountCounty(stores: Stores, context: ScoringContext, countyId: string): Promise<{ scores: number; cards: number }> {
  const [townships, units, villages, tallies] = await Promise.all([
    stores.records.listTownships(countyId),
    stores.records.listUnits(countyId),
    stores.records.listVillages(countyId),
    currentTallies(stores, context, countyId),
  ]);
  const accountable = accountableUnits(townships, units, villages);
  const history = (await Promise.all(accountable.map((u) => stores.accountability.listCards(u.unitType, u.unitId)))).flat();
  const result = runAccountability({
    quarter: context.quarter,
    units: accountable,
    households: tallies.flatMap((t) => t.summaries),
    history,
    parameters: context.accountability.parameters,
    indicatorLabels: context.accountability.indicatorLabels,
  });
  const cards = await stores.accountability.putCards(result.cards);
  const scores = await stores.accountability.putCountyAccountability(context.quarter, countyId, result.scores, result.lists);
  return { scores, cards };
}
