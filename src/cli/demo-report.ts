import type { RuleSet } from '../engine/rule-set-schema.js';
import type { Verdict } from '../engine/verdict.js';
import type { RunRecord } from '../ports/run-store.js';
import type { RunExport } from '../use-cases/export-run.js';

export interface DemoNames {
  readonly villages: ReadonlyMap<string, string | null>;
  readonly counties: ReadonlyMap<string, string | null>;
  readonly units: ReadonlyMap<string, string | null>;
}

const STANDARD_ORDER = ['household-exit', 'identification', 'return-risk', 'village-exit', 'county-exit'];

function named(id: string, names: ReadonlyMap<string, string | null>): string {
  const name = names.get(id);
  return name ? `${name} (${id})` : id;
}

function meeting(verdicts: readonly Verdict[], ruleSetId: string): Verdict[] {
  return verdicts.filter((v) => v.ruleSetId === ruleSetId && v.outcome === 'pass');
}

/** The demo's readable summary: what a leader reads the morning after the nightly run. */
export function demoReport(exported: RunExport, run: RunRecord, ruleSets: Readonly<Record<string, RuleSet>>, names: DemoNames): string {
  const lines: string[] = [];
  const label = (ruleSetId: string, outcome: string) => {
    const text = ruleSets[ruleSetId]?.outcomeLabels[outcome];
    return text ? `${text.zh} ${text.en}` : outcome;
  };
  lines.push(`Tuopin nightly run ${run.runId} · quarter ${run.quarter} · ${run.status}`);
  lines.push(`rule sets: ${Object.entries(run.ruleSetVersions).map(([id, v]) => `${id} v${v}`).join(', ')}`);
  lines.push(`written this run: ${run.writes.verdicts} verdicts, ${run.writes.scores} scores, ${run.writes.cards} cards`);
  lines.push('');
  lines.push('Outcomes per standard');
  for (const id of STANDARD_ORDER) {
    const counts = exported.outcomes.total[id] ?? {};
    const description = ruleSets[id]?.description.zh.split('：')[0] ?? id;
    lines.push(`  ${id} · ${description}`);
    for (const [outcome, count] of Object.entries(counts)) lines.push(`    ${String(count).padStart(6)}  ${outcome.padEnd(13)} ${label(id, outcome)}`);
  }
  const villages = meeting(exported.verdicts, 'village-exit');
  const counties = meeting(exported.verdicts, 'county-exit');
  lines.push('');
  lines.push(`Villages meeting the exit standard (一低五有): ${villages.length}`);
  for (const v of villages) lines.push(`  ${named(v.subjectId, names.villages)} · incidence ${((v.figures?.ratio ?? 0) * 100).toFixed(2)}%`);
  lines.push(`Counties meeting the exit standard (一低三有): ${counties.length}`);
  for (const v of counties) lines.push(`  ${named(v.subjectId, names.counties)}`);
  lines.push('');
  const unitName = (id: string) => named(id, names.units);
  lines.push('Red flags 流动红旗');
  for (const s of exported.scores.filter((r) => r.card === 'red-flag')) lines.push(`  ${s.unitType.padEnd(14)} ${unitName(s.unitId)} · score ${s.score}`);
  lines.push('Yellow cards 黄牌警告');
  for (const s of exported.scores.filter((r) => r.card === 'yellow-card')) {
    lines.push(`  ${s.unitType.padEnd(14)} ${unitName(s.unitId)} · score ${s.score} · consecutive ${s.consecutiveYellow} · this year ${s.yellowThisYear}`);
  }
  for (const [list, title] of [
    ['interview', 'Interview list 约谈问责'],
    ['resignation', 'Resignation list 引咎辞职'],
  ] as const) {
    lines.push(title);
    for (const row of exported.lists.filter((r) => r.list === list)) {
      lines.push(`  ${row.official.name ?? '(principal not recorded)'}, ${row.official.title ?? ''} · ${row.unitName ?? row.unitId} (${row.unitType} ${row.unitId})`);
      lines.push(`    trigger: ${row.triggerLabel.zh} · ${row.trigger}`);
      for (const reason of row.reasons) {
        lines.push(`    ${reason.label.zh} ${reason.label.en}: ${(reason.value * 100).toFixed(1)}%, ${reason.pointsLost} points lost; ${reason.households.length} households in ${reason.villages.length} villages (e.g. ${reason.households.slice(0, 3).join(', ')})`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
