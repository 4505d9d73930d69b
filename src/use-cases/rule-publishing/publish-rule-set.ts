import type { RuleSet } from '../../engine/rule-set-schema.js';
import { publishEntry, type PublishedRuleSetWithCases } from './published-entry.js';
import type { GateReport } from './gate-report.js';
import { runPublishGate, type GateInput, type GateStores } from './run-publish-gate.js';

export interface PublishRequest extends Omit<GateInput, 'requireNextVersion' | 'runCases' | 'runPreview'> {
  readonly author: string;
  readonly note: string;
  /** The publisher has seen the preview and accepts that outcomes change. */
  readonly acceptImpact: boolean;
}

/** Why a draft was not published: a step of the gate failed, or outcomes change unaccepted, or no provenance. */
export type RefusalReason = 'invalid' | 'impact' | 'provenance';

export type PublishOutcome =
  | { readonly status: 'published'; readonly entry: PublishedRuleSetWithCases; readonly report: GateReport }
  | { readonly status: 'refused'; readonly reason: RefusalReason; readonly message: string; readonly report: GateReport };

/**
 * Why the gate's outcome may not be published: a step failed, or outcomes change and the
 * impact was not accepted; null when it may be.
 */
export function gateRefusal(report: GateReport, parsed: boolean, acceptImpact: boolean): Extract<PublishOutcome, { status: 'refused' }> | null {
  if (!report.ok || !parsed) {
    const failed = report.steps.find((s) => !s.ok);
    return { status: 'refused', reason: 'invalid', message: `refused at the ${failed?.step ?? 'schema'} step: ${failed?.summary ?? 'the draft is invalid'}`, report };
  }
  if (report.preview?.changesOutcomes && !acceptImpact) {
    const { totals } = report.preview;
    const counts = [
      [totals.households.changed, 'household', 'households'],
      [totals.villages.changed, 'village', 'villages'],
      [totals.counties.changed, 'county', 'counties'],
      [totals.units.changed, 'unit', 'units'],
    ] as const;
    const changed = counts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
    const message = `the draft changes outcomes (${changed} in ${report.preview.quarter}): publishing it needs the impact accepted`;
    return { status: 'refused', reason: 'impact', message, report };
  }
  return null;
}

/** The content to publish: `$schema` only points an editor at the schema file, relative to where the draft was. */
export function contentOf(ruleSet: RuleSet): RuleSet {
  const { $schema: _editorHint, ...content } = ruleSet;
  return content;
}

/**
 * Publishes a draft through the gate (schema → next version → static checks → its scenario
 * cases → impact preview). A draft whose preview changes any outcome is refused unless
 * `acceptImpact`. What passes is stored with its author, note, time, content hash and its
 * scenario cases; the store's conditional write makes a concurrent publication of the same
 * version fail with `RuleSetConflictError` (thrown, never a silent overwrite).
 */
export async function publishRuleSet(stores: GateStores, request: PublishRequest, now: Date): Promise<PublishOutcome> {
  if (request.author.trim() === '' || request.note.trim() === '') {
    const report: GateReport = { ruleSetId: null, version: null, ok: false, steps: [], preview: null };
    return { status: 'refused', reason: 'provenance', message: 'a published version records its author and a note: both are required', report };
  }
  const gate = await runPublishGate(stores, { ...request, requireNextVersion: true, runCases: true, runPreview: true });
  const refused = gateRefusal(gate.report, gate.ruleSet !== null, request.acceptImpact);
  if (refused || !gate.ruleSet) return refused!;
  const entry: PublishedRuleSetWithCases = {
    ...publishEntry(contentOf(gate.ruleSet), request.author, request.note, now),
    ...(gate.cases ? { cases: gate.cases } : {}),
  };
  await stores.ruleSets.publish(entry);
  return { status: 'published', entry, report: gate.report };
}
