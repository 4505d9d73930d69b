import { beforeAll, describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { renderLabel } from '../../../src/engine/label-template.js';
import type { RuleSet } from '../../../src/engine/rule-set-schema.js';
import type { StandardId } from '../../../src/standards/standard-ids.js';
import { judgeHousehold } from '../../../src/use-cases/scoring/judge-household.js';
import { createScoringContext } from '../../../src/use-cases/scoring-context.js';
import { aHousehold, aMember } from '../../helpers/builders.js';
import { ruleSetsFor } from '../../helpers/repository-rule-sets.js';

/**
 * A version as a store filled before parameters carried their provenance holds it: no
 * `parameterInfo`, and labels with the thresholds written out. Published versions never
 * change, so such a store keeps it; it must judge exactly as the reviewed file with metadata.
 */
function storedWithoutMetadata(ruleSet: RuleSet): RuleSet {
  const { parameterInfo: _dropped, ...rest } = ruleSet;
  const written = (items: RuleSet['items']) => items.map((item) => ({ ...item, label: renderLabel(item.label, ruleSet.parameters) }));
  return { ...rest, items: written(ruleSet.items), warnings: written(ruleSet.warnings) } as RuleSet;
}

let withMetadata: Record<StandardId, RuleSet>;
let without: Record<StandardId, RuleSet>;

beforeAll(async () => {
  withMetadata = await ruleSetsFor('2018-12-31');
  without = Object.fromEntries(Object.entries(withMetadata).map(([id, ruleSet]) => [id, storedWithoutMetadata(ruleSet)])) as Record<StandardId, RuleSet>;
});

describe('a stored version 1 without parameter metadata', () => {
  it.each([
    ['a poor household that exits', aHousehold()],
    ['an applicant with a short notice, a car and a dropout', aHousehold({ status: 'applicant', assets: { vehicleValue: 30000 }, notices: [{ stage: 'first', start: '2018-03-01', end: '2018-03-05' }], members: [aMember({ memberId: 'M-9', age: 12, schooling: 'dropped-out' })] })],
    ['an exited household near the line', aHousehold({ status: 'exited', incomePerCapita: 3600 })],
  ])('gives %s the very verdicts, determination ids included, that version 1 with metadata gives', async (_name, household) => {
    for (const evaluator of Object.values(EVALUATORS)) {
      const before = await judgeHousehold(createScoringContext(without, '2018Q4', evaluator), household);
      const after = await judgeHousehold(createScoringContext(withMetadata, '2018Q4', evaluator), household);
      expect(JSON.stringify(after.verdicts)).toBe(JSON.stringify(before.verdicts));
      expect(after.verdicts.length).toBeGreaterThan(0);
    }
  });

  it('is told apart from version 1 with metadata by its content hash only, not by what it judges', () => {
    expect(without['household-exit'].parameters).toEqual(withMetadata['household-exit'].parameters);
    expect('parameterInfo' in without['household-exit']).toBe(false);
  });
});
