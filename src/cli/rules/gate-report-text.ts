import { describeProblem, type GateReport } from '../../use-cases/rule-publishing/gate-report.js';
import type { ImpactCount, ImpactPreview, OutcomeChange } from '../../use-cases/rule-publishing/impact-preview.js';
import type { RuleSetDiff, ValueChange } from '../../use-cases/rule-publishing/rule-set-diff.js';
import type { PublishOutcome } from '../../use-cases/rule-publishing/publish-rule-set.js';

/** The gate's steps, one line each, with their problems below. */
export function gateReportText(report: GateReport, title: string): string {
  const lines = [title];
  for (const step of report.steps) {
    lines.push(`  ${step.ok ? 'ok  ' : 'FAIL'}  ${step.step.padEnd(7)} ${step.summary}`);
    for (const problem of step.problems) lines.push(`          - ${describeProblem(problem)}`);
  }
  if (report.preview) lines.push(...previewLines(report.preview));
  return `${lines.join('\n')}\n`;
}

const counted = (c: ImpactCount) => `${c.changed} of ${c.judged}`;

function changeLine(change: OutcomeChange): string {
  const items = change.items.map((i) => `${i.id} ${i.before ?? '-'} → ${i.after ?? '-'}`).join(', ');
  return `${change.subjectType} ${change.subjectId}  ${change.ruleSetId} ${change.before ?? 'not judged'} → ${change.after ?? 'not judged'}${items ? `  (${items})` : ''}`;
}

/** The impact preview: totals, then each county with changes and its examples. */
export function previewLines(preview: ImpactPreview): string[] {
  const { totals } = preview;
  const lines = [
    '',
    `impact on ${preview.quarter}: ${preview.ruleSetId} v${preview.toVersion} against v${preview.fromVersion}, the version in force on ${preview.asOf}`,
  ];
  if (!preview.draftInForce) lines.push(`  note: v${preview.toVersion} takes effect after ${preview.asOf}; runs of ${preview.quarter} keep v${preview.fromVersion} — shown is what v${preview.toVersion} would judge`);
  lines.push(
    `  households ${counted(totals.households)} change outcome`,
    `  villages   ${counted(totals.villages)}`,
    `  counties   ${counted(totals.counties)}`,
    `  units      ${counted(totals.units)} (townships and assisting units: card or list)`,
  );
  for (const county of preview.counties) {
    if (county.examples.length === 0) continue;
    lines.push(
      `  county ${county.countyId}: households ${counted(county.households)}, villages ${counted(county.villages)}, county ${counted(county.county)}, units ${counted(county.units)}`,
    );
    for (const example of county.examples) lines.push(`    ${changeLine(example)}`);
  }
  for (const skipped of preview.skipped) lines.push(`  skipped ${skipped.subject}: neither version can judge it (${skipped.error})`);
  return lines;
}

const shown = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));
const changeText = (c: ValueChange, prefix = '') => `${prefix}${c.path === '' ? '(whole)' : c.path}: ${shown(c.before)} → ${shown(c.after)}`;

/** The draft against the version in force, parameter by parameter and item by item. */
export function diffText(diff: RuleSetDiff, id: string): string {
  const lines = [`${id} v${diff.toVersion} against v${diff.fromVersion}`];
  const section = (title: string, body: string[]) => lines.push(`  ${title}:`, ...(body.length > 0 ? body.map((b) => `    ${b}`) : ['    (unchanged)']));
  section('parameters', diff.parameters.map((c) => changeText(c)));
  const itemLines = (items: RuleSetDiff['items']) =>
    items.flatMap((item) => (item.change === 'changed' ? item.fields.map((f) => changeText(f, `${item.id} `)) : [`${item.id}: ${item.change}`]));
  section('items', itemLines(diff.items));
  if (diff.warnings.length > 0) section('warnings', itemLines(diff.warnings));
  section('other fields', diff.other.map((c) => changeText(c)));
  return `${lines.join('\n')}\n`;
}

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
