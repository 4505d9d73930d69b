import { describe, expect, it } from 'vitest';
import type { DraftStep } from '../../../src/ports/rule-draft-store.js';
import { cutReport, joinReport, storedStep, wholeStep } from '../../../src/use-cases/rule-drafts/stored-step.js';
import { bigGateReport } from '../../helpers/big-gate-report.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('a step report cut into pieces', () => {
  it('keeps every piece within its byte budget, never cuts a character, and joins back to the report', () => {
    const report = { ...bigGateReport(200), steps: [{ step: 'preview' as const, ok: true, summary: '户主 😀 𠀀 é'.repeat(300), problems: [] }] };
    const pieces = cutReport(report, 1_000);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) {
      expect(bytes(piece)).toBeLessThanOrEqual(1_000);
      // A lone surrogate would be replaced when encoded: the piece's UTF-8 round-trips.
      expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
    }
    expect(joinReport(pieces)).toEqual(report);
  });

  it('leaves the draft the summary figures and the reference, and gives the whole report back through the reference', () => {
    const report = bigGateReport(50);
    const step: DraftStep = { action: 'submit', by: '王芳', at: '2026-11-30T08:00:00.000Z', note: '', status: 'submitted', report };
    const kept = storedStep(step, { key: 'submit-1', chunks: 2 });
    expect(kept).not.toHaveProperty('report');
    expect(kept.reportSummary).toEqual({ ok: true, ruleSetId: 'household-exit', version: 2, steps: report.steps, totals: report.preview!.totals, changesOutcomes: true });
    expect(wholeStep(kept, (ref) => (ref.key === 'submit-1' ? report : bigGateReport(1)))).toEqual(step);
    // A step without a report, and one written before reports moved beside the draft, stay as they are.
    const plain: DraftStep = { ...step, action: 'withdraw', report: undefined };
    delete (plain as { report?: unknown }).report;
    expect(storedStep(plain, null)).toEqual(plain);
    expect(wholeStep(step, () => bigGateReport(1))).toEqual(step);
  });
});
