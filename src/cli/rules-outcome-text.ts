import type { PublishOutcome } from '../use-cases/rule-publishing/publish-rule-set.js';
import { gateReportText } from './rules-report-text.js';

/** A publication's outcome for people: the gate's report, then what became of the draft. */
export function publishOutcomeText(outcome: PublishOutcome, title: string): string {
  const report = outcome.report.steps.length > 0 ? gateReportText(outcome.report, title) : '';
  if (outcome.status === 'refused') {
    const hint = outcome.reason === 'impact' ? '\nrun again with --accept-impact to publish it all the same' : '';
    return `${report}\nrefused: ${outcome.message}${hint}\n`;
  }
  const { entry } = outcome;
  const { ruleSet } = entry;
  return (
    `${report}\npublished ${ruleSet.id} v${ruleSet.version}, in force from ${ruleSet.effectiveFrom}: by ${entry.author} at ${entry.publishedAt}, ` +
    `sha256 ${entry.contentHash.slice(0, 12)}…, ${entry.cases ? `${entry.cases.cases.length} scenario cases stored with it` : 'no scenario cases'}\n` +
    `the next evaluation uses it (the API's rule-set cache picks it up within 60 seconds)\n`
  );
}

/** A publication's outcome as JSON: the report, and the stored entry's provenance (not the whole rule set again). */
export function publishOutcomeJson(outcome: PublishOutcome): string {
  if (outcome.status === 'refused') return `${JSON.stringify(outcome, null, 2)}\n`;
  const { ruleSet, cases, ...provenance } = outcome.entry;
  return `${JSON.stringify({ status: outcome.status, ruleSetId: ruleSet.id, version: ruleSet.version, effectiveFrom: ruleSet.effectiveFrom, ...provenance, cases: cases?.cases.length ?? 0, report: outcome.report }, null, 2)}\n`;
}
