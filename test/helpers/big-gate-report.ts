import type { GateReport } from '../../src/use-cases/rule-publishing/gate-report.js';
import type { OutcomeChange } from '../../src/use-cases/rule-publishing/impact/outcome-changes.js';

/**
 * A passing gate report whose impact lists `households` flipped households (and a card and a
 * list move), with Chinese text in it, so its JSON runs to several hundred kilobytes per
 * thousand households: more than one DynamoDB item holds.
 */
export function bigGateReport(households: number, tag = 'submit'): GateReport {
  const flips: OutcomeChange[] = Array.from({ length: households }, (_, i) => ({
    subjectType: 'household',
    subjectId: `H${String(i).padStart(6, '0')}`,
    ruleSetId: 'household-exit',
    before: 'pass',
    after: 'fail',
    items: [{ id: 'income', before: 'pass', after: 'fail' }, { id: `收入-${tag}-家庭${i}`, before: 'pass', after: null }],
    villageId: `V${i % 40}`,
    townshipId: `T${i % 7}`,
  }));
  const card: OutcomeChange = { subjectType: 'township', subjectId: 'T1', ruleSetId: 'accountability', before: 'none', after: 'yellow-card', items: [{ id: 'interview', before: null, after: 'listed' }] };
  const count = { judged: households * 2, changed: households };
  return {
    ruleSetId: 'household-exit',
    version: 2,
    ok: true,
    steps: [{ step: 'preview', ok: true, summary: `${households} households change (${tag})`, problems: [] }],
    preview: {
      ruleSetId: 'household-exit',
      quarter: '2026Q3',
      asOf: '2026-09-30',
      fromVersion: 1,
      toVersion: 2,
      draftInForce: true,
      totals: { households: count, villages: { judged: 40, changed: 0 }, counties: { judged: 1, changed: 0 }, units: { judged: 7, changed: 1 } },
      counties: [{ countyId: 'C1', households: count, villages: { judged: 40, changed: 0 }, county: { judged: 1, changed: 0 }, units: { judged: 7, changed: 1 }, examples: [...flips, card] }],
      failures: [],
      skipped: [],
      changesOutcomes: true,
    },
  };
}
