import { createHash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { PublishedRuleSet } from '../../ports/stores.js';
import { ScenarioFileSchema, type ScenarioFile } from '../scenarios/scenario-cases.js';

/** SHA-256 of a rule set's canonical JSON: equal content, equal hash, whatever the key order. */
export function contentHash(ruleSet: RuleSet): string {
  return createHash('sha256').update(canonicalJson(ruleSet)).digest('hex');
}

/** The stored form of a version about to be published. */
export function publishEntry(ruleSet: RuleSet, author: string, note: string, now: Date): PublishedRuleSet {
  return { ruleSet, author, note, publishedAt: now.toISOString(), contentHash: contentHash(ruleSet) };
}

/**
 * A published version with the scenario cases it passed at the gate, stored with it so a
 * rollback (or anyone auditing the version) finds them. The store keeps the entry whole; the
 * port does not name the field, so versions published before the gate simply have none.
 */
export interface PublishedRuleSetWithCases extends PublishedRuleSet {
  readonly cases?: ScenarioFile;
  /** A version published through a draft: who approved it, the draft, and whether its author approved it alone. */
  readonly approval?: VersionApproval;
}

/** How a version published through the draft lifecycle was approved. */
export interface VersionApproval {
  readonly draftId: string;
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly selfApproved: boolean;
}

/** The approval stored with a version, or null (published before drafts, or seeded). */
export function approvalOf(entry: PublishedRuleSet): VersionApproval | null {
  return (entry as PublishedRuleSetWithCases).approval ?? null;
}

/** The cases stored with a version, or null (none stored, or not readable as cases). */
export function casesOf(entry: PublishedRuleSet): ScenarioFile | null {
  const stored = (entry as PublishedRuleSetWithCases).cases;
  if (stored === undefined || stored === null) return null;
  const parsed = ScenarioFileSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
