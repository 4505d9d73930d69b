import type { Verdict } from '../../engine/verdict.js';
import type { Stores } from '../../ports/stores.js';
import type { VillageTally } from '../../ports/run-store.js';
import { versionsUsed } from '../run-summary.js';
import type { ScoringContext } from '../scoring-context.js';
import { canonicalJson } from '../../kernel/canonical-json.js';
import { countyRejectedRows } from '../import/incomplete-notes.js';
import { scoreCounty, sumPopulations } from '../scoring/score-county.js';

/**
 * The county's village tallies of this quarter made with the pinned rule-set versions, of the
 * villages the county still has: a tally left by a removed village (one written before tallies
 * were indexed by village, which a snapshot import cannot find to delete) never counts.
 */
export async function currentTallies(stores: Stores, context: ScoringContext, countyId: string): Promise<VillageTally[]> {
  const pinned = canonicalJson(versionsUsed(context.ruleSets));
  const [tallies, villages] = await Promise.all([stores.runs.listVillageTallies(context.quarter, countyId), stores.records.listVillages(countyId)]);
  const present = new Set(villages.map((v) => v.villageId));
  return tallies.filter((t) => canonicalJson(t.versions) === pinned && present.has(t.villageId));
}

/**
 * Judges a county from its villages' tallies and stores the verdict if it changed. Returns the
 * verdict itself (no read back through an eventually consistent index) and the items written.
 */
export async function aggregateCounty(stores: Stores, context: ScoringContext, countyId: string): Promise<{ verdict: Verdict | null; writes: number }> {
  const county = await stores.records.getCounty(countyId);
  if (!county) return { verdict: null, writes: 0 };
  const townships = await stores.records.listTownships(countyId);
  const tallies = await currentTallies(stores, context, countyId);
  const rejected = countyRejectedRows(await stores.records.listIncompleteNotes(countyId));
  const verdict = await scoreCounty(context, county, townships, sumPopulations(tallies.map((t) => t.population)), rejected);
  return { verdict, writes: await stores.verdicts.replacePartitionVerdicts(countyId, context.year, [verdict]) };
}
