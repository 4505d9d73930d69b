import type { LocalizedText } from '../engine/verdict.js';
import { message, type Lang, type MessageKey } from '../i18n/messages.js';
import type { ListRow } from '../standards/accountability/accountability-output.js';
import { named, type ReportNames } from './report-names.js';
import type { PlaceRow, ReportItem, ReportModel } from './report-model.js';

const STANDARDS = ['household-exit', 'identification', 'return-risk', 'village-exit', 'county-exit'] as const;
const MARKS: Readonly<Record<string, string>> = { pass: '✓', fail: '✗', unknown: '?' };

/** Names and labels in one language, shared by the summary, report.xlsx and the PDF. */
export class ReportText {
  constructor(
    readonly lang: Lang,
    readonly model: ReportModel,
    readonly names: ReportNames,
  ) {}

  t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
    return message(this.lang, key, params);
  }

  local(text: LocalizedText | undefined, fallback: string): string {
    return text ? text[this.lang] : fallback;
  }

  outcome(ruleSetId: string, outcome: string): string {
    return this.local(this.model.outcomeLabels.get(`${ruleSetId}/${outcome}`), outcome);
  }

  item(ruleSetId: string, itemId: string): string {
    return this.local(this.model.itemLabels.get(`${ruleSetId}/${itemId}`), itemId);
  }

  county(id: string): string {
    return named(id, this.names.counties.get(id));
  }

  village(id: string): string {
    return named(id, this.names.villages.get(id)?.name);
  }

  townshipOfVillage(id: string): string {
    const townshipId = this.names.villages.get(id)?.townshipId;
    return townshipId ? (this.names.townships.get(townshipId) ?? townshipId) : '';
  }

  unit(id: string): string {
    return named(id, this.names.townships.get(id) ?? this.names.units.get(id));
  }

  household(id: string): string {
    return named(id, this.names.households.get(id)?.headName);
  }

  status(status: string | null): string {
    return status === 'running' || status === 'succeeded' || status === 'failed' ? this.t(`status.${status}`) : (status ?? '');
  }

  unitType(type: string): string {
    return type === 'township' ? this.t('unitType.township') : this.t('unitType.assisting-unit');
  }

  official(row: ListRow): string {
    return row.official.name ?? this.t('official.unknown');
  }

  percent(ratio: number | null): string {
    return ratio === null ? '–' : `${(ratio * 100).toFixed(2)}%`;
  }

  value(actual: unknown): string {
    if (typeof actual === 'number') return String(Math.round(actual * 10_000) / 10_000);
    if (actual === null || actual === undefined) return '–';
    return typeof actual === 'string' ? actual : JSON.stringify(actual);
  }

  itemsOf(items: readonly ReportItem[], outcome: string): string {
    return items.filter((item) => item.outcome === outcome).map((item) => item.label[this.lang]).join(this.lang === 'zh' ? '、' : '; ');
  }

  join(parts: readonly string[]): string {
    return parts.length === 0 ? this.t('summary.none') : parts.join(this.lang === 'zh' ? '、' : ', ');
  }
}

function counts(text: ReportText, ruleSetId: string): string {
  const table = text.model.run.outcomes.total[ruleSetId] ?? {};
  return text.join(Object.entries(table).map(([outcome, count]) => `${text.outcome(ruleSetId, outcome)} ${count}`));
}

function villageLines(text: ReportText, row: PlaceRow): string[] {
  const lines = [`  ${text.t('summary.village', { village: text.village(row.id), township: text.townshipOfVillage(row.id), ratio: text.percent(row.ratio), numerator: text.value(row.numerator), denominator: text.value(row.denominator) })}`];
  if (row.outcome === 'fail') lines.push(`    ${text.t('summary.fails', { items: text.itemsOf(row.items, 'fail') })}`);
  if (row.items.some((item) => item.outcome === 'unknown')) lines.push(`    ${text.t('summary.unknownItems', { items: text.itemsOf(row.items, 'unknown'), fields: text.join(row.missing) })}`);
  return lines;
}

function listLines(text: ReportText, row: ListRow): string[] {
  const lines = [`  ${text.t('summary.official', { name: text.official(row), title: row.official.title ?? '', unit: row.unitName ?? text.unit(row.unitId), unitType: text.unitType(row.unitType), unitId: row.unitId })}`];
  lines.push(`    ${text.t('summary.trigger', { trigger: row.triggerLabel[text.lang] })}`);
  for (const reason of row.reasons) {
    const examples = reason.households.slice(0, 3).map((id) => text.household(id));
    lines.push(
      `    ${text.t('summary.reason', { indicator: reason.label[text.lang], value: text.percent(reason.value), points: reason.pointsLost, households: reason.households.length, villages: text.join(reason.villages.map((id) => text.village(id))) })}` +
        (examples.length > 0 ? text.t('summary.examples', { households: text.join(examples) }) : ''),
    );
  }
  return lines;
}

/** The readable summary every run ends with: what a leader reads the morning after. */
export function summaryText(text: ReportText): string {
  const { model } = text;
  const run = model.run;
  const lines: string[] = [];
  lines.push(run.runId ? text.t('summary.title', { quarter: run.quarter, runId: run.runId, status: text.status(run.status) }) : text.t('summary.title.noRun', { quarter: run.quarter }));
  if (run.ruleSetVersions) lines.push(text.t('summary.ruleSets', { list: Object.entries(run.ruleSetVersions).map(([id, v]) => `${id} v${v}`).join(', ') }));
  if (run.rows) lines.push(text.t('summary.rows', run.rows));
  if (run.writes) lines.push(text.t('summary.writes', run.writes));
  lines.push('', text.t('summary.outcomes'));
  for (const id of STANDARDS) lines.push(`  ${text.t(`standard.${id}`)}: ${counts(text, id)}`);
  for (const county of model.counties) {
    lines.push('', text.t('summary.county', { county: text.county(county.id), outcome: county.outcomeLabel[text.lang] }));
    for (const item of county.items) lines.push(`  ${text.t('summary.item', { mark: MARKS[item.outcome] ?? item.outcome, label: item.label[text.lang], actual: text.value(item.actual), expected: item.expected })}`);
  }
  const byOutcome = (outcome: string) => model.villages.filter((row) => row.outcome === outcome);
  const passing = byOutcome('pass');
  lines.push('', text.t('summary.villagesPass', { count: passing.length }));
  if (passing.length > 0) lines.push(`  ${text.join(passing.map((row) => text.village(row.id)))}`);
  lines.push(text.t('summary.villagesFail', { count: byOutcome('fail').length }));
  for (const row of byOutcome('fail')) lines.push(...villageLines(text, row));
  const unknown = byOutcome('unknown');
  if (unknown.length > 0) lines.push(text.t('summary.villagesUnknown', { count: unknown.length }));
  for (const row of unknown) lines.push(...villageLines(text, row));
  const households = model.run.outcomes.total['household-exit'] ?? {};
  lines.push('', text.t('summary.households', { fail: households.fail ?? 0, unknown: households.unknown ?? 0 }));
  lines.push(text.t('summary.identification', { counts: counts(text, 'identification') }));
  lines.push(text.t('summary.returnRisk', { counts: counts(text, 'return-risk') }));
  const red = model.scores.filter((s) => s.card === 'red-flag');
  const yellow = model.scores.filter((s) => s.card === 'yellow-card');
  lines.push('', text.t('summary.redFlags', { count: red.length }));
  for (const s of red) lines.push(`  ${text.t('summary.cardRow', { unitType: text.unitType(s.unitType), unit: text.unit(s.unitId), score: s.score })}`);
  lines.push(text.t('summary.yellowCards', { count: yellow.length }));
  for (const s of yellow) {
    lines.push(`  ${text.t('summary.yellowRow', { unitType: text.unitType(s.unitType), unit: text.unit(s.unitId), score: s.score, consecutive: s.consecutiveYellow, thisYear: s.yellowThisYear })}`);
  }
  for (const list of ['interview', 'resignation'] as const) {
    const rows = model.lists.filter((row) => row.list === list);
    lines.push('', text.t(list === 'interview' ? 'summary.interview' : 'summary.resignation', { count: rows.length }));
    for (const row of rows) lines.push(...listLines(text, row));
  }
  return `${lines.join('\n')}\n`;
}
