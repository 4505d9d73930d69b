import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../../src/engine/rule-set-schema.js';
import { gateReportText } from '../../../src/cli/rules/gate-report-text.js';
import { checkNextVersion } from '../../../src/use-cases/rule-publishing/check-draft.js';
import { unreadableDraft, type GateReport } from '../../../src/use-cases/rule-publishing/gate-report.js';

// The version step reads only the id and the version of the draft and of what is published.
const version = (id: string, v: number) => ({ id, version: v }) as unknown as RuleSet;

function reportOf(draft: RuleSet, published: readonly RuleSet[]): GateReport {
  const step = checkNextVersion(draft, published);
  return { ruleSetId: draft.id, version: draft.version, ok: step.ok, steps: [step], preview: null };
}

describe('the gate report as the rules commands print it', () => {
  it('says a failing step and its problem in the command\'s language, and keeps the English summary and problem for the API', () => {
    const report = reportOf(version('household-exit', 3), [version('household-exit', 1)]);
    expect(report.steps[0]!.summary).toBe('v3 is not the next version of household-exit');
    expect(JSON.stringify(report.steps[0])).toBe(
      '{"step":"version","ok":false,"summary":"v3 is not the next version of household-exit","problems":[{"path":"version","message":"version 3 would leave a gap: the latest published version is 1, so the next is 2"}]}',
    );
    expect(gateReportText('en', report, 'draft.json: household-exit v3')).toBe(
      'draft.json: household-exit v3\n  FAIL  version v3 is not the next version of household-exit\n          - version: version 3 would leave a gap: the latest published version is 1, so the next is 2\n',
    );
    expect(gateReportText('zh', report, 'draft.json：household-exit v3')).toBe(
      'draft.json：household-exit v3\n  未过  版本号   v3 不是 household-exit 的下一个版本\n          - version: 第 3 版会留下空缺：最新发布的版本是 1，所以下一个是 2\n',
    );
  });

  it('says a passing step and an unreadable draft in Chinese', () => {
    const passing = reportOf(version('household-exit', 2), [version('household-exit', 1)]);
    expect(gateReportText('zh', passing, 't')).toContain('通过  版本号   v2 是 household-exit 的下一个版本\n');
    expect(gateReportText('en', passing, 't')).toContain('ok    version v2 is the next version of household-exit\n');
    expect(gateReportText('zh', unreadableDraft('Unexpected token'), 't')).toContain('未过  结构    草案不是 JSON\n          - (file): Unexpected token\n');
    const taken = reportOf(version('household-exit', 1), [version('household-exit', 1)]);
    expect(gateReportText('zh', taken, 't')).toContain('- version: household-exit 第 1 版已经发布（已发布的版本不会改变）：最新发布的版本是 1，所以下一个是 2\n');
  });
});
