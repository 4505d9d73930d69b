import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRunFiles } from '../../../src/cli/run/run-files.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { LANGS } from '../../../src/i18n/messages.js';
import { readRunOutput } from '../../../src/reports/read-run-output.js';
import { listedHouseholds, ReportModelBuilder, type ReportModel } from '../../../src/reports/report-model.js';
import { loadReportNames, type ReportNames } from '../../../src/reports/report-names.js';
import { ReportText, summaryText } from '../../../src/reports/summary-text.js';
import { scoreFolderInMemory } from '../../helpers/score-in-memory.js';

const folder = fileURLToPath(new URL('../../fixtures/example', import.meta.url));
const headName = (id: string) => `户主${id.slice(-3)}`;

describe('the readable summary of a run', () => {
  let run: Awaited<ReturnType<typeof scoreFolderInMemory>>;
  let out: string;
  let model: ReportModel;
  let names: ReportNames;

  beforeAll(async () => {
    run = await scoreFolderInMemory(folder, '2018Q3', EVALUATORS.compiled);
    // The example has no heads' names: give every household one, as a county's data may.
    await run.stores.records.putHouseholds(run.dataset.households.map((h) => ({ ...h, headName: headName(h.householdId) })));
    out = await mkdtemp(join(tmpdir(), 'tuopin-summary-'));
    const at = new Date('2026-01-01T00:00:00Z');
    await writeRunFiles(out, run.output, { quarter: '2018Q3', year: 2018, asOf: '2018-09-30', evaluator: 'compiled', store: 'memory', run: run.run, stageSeconds: {}, startedAt: at, finishedAt: at });
    model = await readRunOutput(out);
    names = await loadReportNames(run.stores.records, listedHouseholds(model));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('reads back from the files what the run exported, keeping only households that do not pass', () => {
    const builder = new ReportModelBuilder();
    for (const verdict of run.output.verdicts) builder.addVerdict(verdict);
    expect(model.villages.map((v) => `${v.id}:${v.outcome}`)).toEqual(builder.build(model.run).villages.map((v) => `${v.id}:${v.outcome}`));
    const notPassing = run.output.verdicts.filter((v) => v.ruleSetId === 'household-exit' && v.outcome !== 'pass').map((v) => v.subjectId);
    expect([...model.householdRows].filter((h) => h.ruleSetId === 'household-exit').map((h) => h.householdId)).toEqual(notPassing);
    expect(model.lists).toEqual(JSON.parse(JSON.stringify(run.output.lists)));
    expect(model.run.quarter).toBe('2018Q3');
  });

  it.each(LANGS)('names every village that fails, by name, with its failing items (%s)', (lang) => {
    const text = summaryText(new ReportText(lang, model, names));
    const failing = run.output.verdicts.filter((v) => v.ruleSetId === 'village-exit' && v.outcome === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    const lines = text.split('\n');
    for (const verdict of failing) {
      const village = run.dataset.villages.find((v) => v.villageId === verdict.subjectId)!;
      const at = lines.findIndex((line) => line.includes(`${village.name} (${village.villageId})`) && line.includes(lang === 'zh' ? '贫困发生率' : 'incidence'));
      expect(at, village.villageId).toBeGreaterThan(-1);
      for (const item of verdict.items.filter((i) => i.outcome === 'fail')) expect(lines[at + 1]).toContain(item.label[lang]);
    }
  });

  it.each(LANGS)('lists every official of both lists with the reason, and names households by their head (%s)', (lang) => {
    const text = summaryText(new ReportText(lang, model, names));
    expect(run.output.lists.length).toBeGreaterThan(0);
    for (const row of run.output.lists) {
      expect(text).toContain(row.official.name!);
      expect(text).toContain(row.triggerLabel[lang]);
    }
    const example = run.output.lists.flatMap((row) => row.reasons).find((reason) => reason.households.length > 0)!.households[0]!;
    expect(text).toContain(`${headName(example)} (${example})`);
  });

  it('speaks one language at a time', () => {
    const en = summaryText(new ReportText('en', model, names));
    const zh = summaryText(new ReportText('zh', model, names));
    expect(en).toContain('Villages that do not meet the exit standard');
    expect(en).not.toContain('未达到退出标准的村');
    expect(zh).toContain('未达到退出标准的村');
    expect(zh).not.toContain('Villages that do not meet');
  });
});
