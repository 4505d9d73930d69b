import { message, type Lang } from '../../i18n/messages.js';
import { describeProblem, stepSummaryIn, type GateReport } from '../../use-cases/rule-publishing/gate-report.js';
import type { PublishOutcome } from '../../use-cases/rule-publishing/publish-rule-set.js';
import type { RuleSetDiff, ValueChange } from '../../use-cases/rule-publishing/rule-set-diff.js';
import { type ImpactCount, type ImpactPreview, type OutcomeChange } from '../../use-cases/rule-publishing/impact/outcome-changes.js';

/**
 * The gate's steps, one line each, with their problems below. The step names, marks, summaries
 * and the preview are the catalogue's, and so are the problems the gate words itself; the
 * problems of the schema, the engine's checks and the cases are their own (English) text.
 */
export function gateReportText(lang: Lang, report: GateReport, title: string): string {
  const lines = [title];
  for (const step of report.steps) {
    const mark = message(lang, step.ok ? 'gate.ok' : 'gate.fail');
    lines.push(`  ${mark}  ${message(lang, `gate.step.${step.step}`).padEnd(lang === 'zh' ? 5 : 7)} ${stepSummaryIn(lang, step)}`);
    for (const problem of step.problems) lines.push(`          - ${describeProblem(problem, lang)}`);
  }
  if (report.preview) lines.push(...previewLines(lang, report.preview));
  return `${lines.join('\n')}\n`;
}

const counted = (lang: Lang, c: ImpactCount) => message(lang, 'preview.counted', { changed: c.changed, judged: c.judged });

function changeLine(lang: Lang, change: OutcomeChange): string {
  const notJudged = message(lang, 'preview.notJudged');
  const items = change.items.map((i) => `${i.id} ${i.before ?? '-'} → ${i.after ?? '-'}`).join(', ');
  return `${change.subjectType} ${change.subjectId}  ${change.ruleSetId} ${change.before ?? notJudged} → ${change.after ?? notJudged}${items ? `  (${items})` : ''}`;
}

/** Changes listed per county on a terminal; the stored report and `--json` keep every one. */
export const CHANGES_SHOWN_PER_COUNTY = 5;

/** The impact preview: totals, then each county with changes and its first examples. */
export function previewLines(lang: Lang, preview: ImpactPreview): string[] {
  const { totals } = preview;
  const versions = { id: preview.ruleSetId, to: preview.toVersion, from: preview.fromVersion, asOf: preview.asOf, quarter: preview.quarter };
  const lines = ['', message(lang, 'preview.title', versions)];
  if (!preview.draftInForce) lines.push(message(lang, 'preview.note', versions));
  lines.push(
    message(lang, 'preview.households', { count: counted(lang, totals.households) }),
    message(lang, 'preview.villages', { count: counted(lang, totals.villages) }),
    message(lang, 'preview.counties', { count: counted(lang, totals.counties) }),
    message(lang, 'preview.units', { count: counted(lang, totals.units) }),
  );
  for (const county of preview.counties) {
    if (county.examples.length === 0) continue;
    const counts = { households: counted(lang, county.households), villages: counted(lang, county.villages), self: counted(lang, county.county), units: counted(lang, county.units) };
    lines.push(message(lang, 'preview.county', { county: county.countyId, ...counts }));
    for (const example of county.examples.slice(0, CHANGES_SHOWN_PER_COUNTY)) lines.push(`    ${changeLine(lang, example)}`);
    const unlisted = county.examples.length - CHANGES_SHOWN_PER_COUNTY;
    if (unlisted > 0) lines.push(message(lang, 'preview.more', { count: unlisted }));
  }
  for (const skipped of preview.skipped) lines.push(message(lang, 'preview.skipped', { subject: skipped.subject, error: skipped.error }));
  return lines;
}

/** The draft against the version in force, parameter by parameter and item by item. */
export function diffText(lang: Lang, diff: RuleSetDiff, id: string): string {
  const shown = (value: unknown) => (value === undefined ? message(lang, 'diff.none') : JSON.stringify(value));
  const changeText = (c: ValueChange, prefix = '') => `${prefix}${c.path === '' ? message(lang, 'diff.whole') : c.path}: ${shown(c.before)} → ${shown(c.after)}`;
  const lines = [message(lang, 'diff.title', { id, to: diff.toVersion, from: diff.fromVersion })];
  const section = (title: string, body: string[]) => lines.push(`  ${title}:`, ...(body.length > 0 ? body.map((b) => `    ${b}`) : [`    ${message(lang, 'diff.unchanged')}`]));
  section(message(lang, 'diff.parameters'), diff.parameters.map((c) => changeText(c)));
  const itemLines = (items: RuleSetDiff['items']) =>
    items.flatMap((item) => (item.change === 'changed' ? item.fields.map((f) => changeText(f, `${item.id} `)) : [`${item.id}: ${message(lang, `diff.${item.change}`)}`]));
  section(message(lang, 'diff.items'), itemLines(diff.items));
  if (diff.warnings.length > 0) section(message(lang, 'diff.warnings'), itemLines(diff.warnings));
  section(message(lang, 'diff.other'), diff.other.map((c) => changeText(c)));
  return `${lines.join('\n')}\n`;
}

/** A publication's outcome for people: the gate's report, then what became of the draft. */
export function publishOutcomeText(lang: Lang, outcome: PublishOutcome, title: string): string {
  const report = outcome.report.steps.length > 0 ? gateReportText(lang, outcome.report, title) : '';
  if (outcome.status === 'refused') {
    const hint = outcome.reason === 'impact' ? `\n${message(lang, 'publish.acceptHint')}` : '';
    return `${report}\n${message(lang, 'publish.refused', { reason: outcome.message })}${hint}\n`;
  }
  const { entry } = outcome;
  const { ruleSet } = entry;
  const cases = entry.cases ? message(lang, 'publish.cases', { count: entry.cases.cases.length }) : message(lang, 'publish.noCases');
  const published = { id: ruleSet.id, version: ruleSet.version, from: ruleSet.effectiveFrom, author: entry.author, at: entry.publishedAt, hash: entry.contentHash.slice(0, 12), cases };
  return `${report}\n${message(lang, 'publish.published', published)}\n${message(lang, 'publish.next')}\n`;
}

/** A publication's outcome as JSON: the report, and the stored entry's provenance (not the whole rule set again). */
export function publishOutcomeJson(outcome: PublishOutcome): string {
  if (outcome.status === 'refused') return `${JSON.stringify(outcome, null, 2)}\n`;
  const { ruleSet, cases, ...provenance } = outcome.entry;
  return `${JSON.stringify({ status: outcome.status, ruleSetId: ruleSet.id, version: ruleSet.version, effectiveFrom: ruleSet.effectiveFrom, ...provenance, cases: cases?.cases.length ?? 0, report: outcome.report }, null, 2)}\n`;
}
