import type { PublishedRuleSet } from '../../ports/rule-set-store.js';
import { ScenarioFileSchema, type ScenarioFile } from '../scenario-cases.js';

/**
 * A published version with the scenario cases it passed at the gate, stored with it so a
 * rollback (or anyone auditing the version) finds them. The store keeps the entry whole; the
 * port does not name the field, so versions published before the gate simply have none.
 */
export interface PublishedRuleSetWithCases extends PublishedRuleSet {
  readonly cases?: ScenarioFile;
}

/** The cases stored with a version, or null (none stored, or not readable as cases). */
export function casesOf(entry: PublishedRuleSet): ScenarioFile | null {
  const stored = (entry as PublishedRuleSetWithCases).cases;
  if (stored === undefined || stored === null) return null;
  const parsed = ScenarioFileSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
