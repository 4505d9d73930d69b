import { describe, expect, it } from 'vitest';
import { MemoryVerdictStore } from '../../../../src/adapters/memory/memory-verdict-store.js';
import type { Verdict } from '../../../../src/engine/verdict.js';
import { CountingSpill } from '../../../helpers/counting-spill.js';

function aVerdict(overrides: Partial<Verdict> = {}): Verdict {
  return {
    subjectType: 'household',
    subjectId: 'H-0001',
    ruleSetId: 'household-exit',
    ruleSetVersion: 1,
    year: 2018,
    outcome: 'pass',
    outcomeLabel: { zh: '达到脱贫标准', en: 'meets the exit standard' },
    items: [],
    reasons: [],
    missing: [],
    warnings: [],
    determinationId: 'a'.repeat(64),
    ...overrides,
  };
}

describe('MemoryVerdictStore', () => {
  it('writes new verdicts and counts them', async () => {
    const store = new MemoryVerdictStore();
    expect(await store.putChangedVerdicts('V-001', [aVerdict(), aVerdict({ ruleSetId: 'identification' })])).toBe(2);
  });

  it('writes nothing on a second identical put', async () => {
    const store = new MemoryVerdictStore();
    const verdicts = [aVerdict(), aVerdict({ subjectId: 'H-0002' })];
    await store.putChangedVerdicts('V-001', verdicts);
    expect(await store.putChangedVerdicts('V-001', verdicts)).toBe(0);
  });

  it('rewrites only the verdicts whose determination changed', async () => {
    const store = new MemoryVerdictStore();
    await store.putChangedVerdicts('V-001', [aVerdict(), aVerdict({ subjectId: 'H-0002' })]);
    const changed = aVerdict({ subjectId: 'H-0002', outcome: 'fail', determinationId: 'b'.repeat(64) });
    expect(await store.putChangedVerdicts('V-001', [aVerdict(), changed])).toBe(1);
    expect(await store.getSubjectVerdicts('household', 'H-0002')).toEqual([changed]);
  });

  it('keeps one latest verdict per subject, standard and year', async () => {
    const store = new MemoryVerdictStore();
    await store.putChangedVerdicts('V-001', [aVerdict(), aVerdict({ year: 2019, determinationId: 'c'.repeat(64) })]);
    await store.putChangedVerdicts('V-001', [aVerdict({ outcome: 'fail', determinationId: 'd'.repeat(64) })]);
    const stored = await store.getSubjectVerdicts('household', 'H-0001');
    expect(stored.map((v) => [v.year, v.outcome])).toEqual([
      [2018, 'fail'],
      [2019, 'pass'],
    ]);
  });

  it('lists a partition’s verdicts of one year', async () => {
    const store = new MemoryVerdictStore();
    await store.putChangedVerdicts('V-001', [aVerdict(), aVerdict({ year: 2019 })]);
    await store.putChangedVerdicts('V-002', [aVerdict({ subjectId: 'H-0009' })]);
    expect((await store.listPartitionVerdicts('V-001', 2018)).map((v) => v.subjectId)).toEqual(['H-0001']);
    expect(await store.listPartitionVerdicts('V-003', 2018)).toEqual([]);
  });

  it('does not mistake a subject whose id starts like another’s for it', async () => {
    const store = new MemoryVerdictStore();
    await store.putChangedVerdicts('V-001', [aVerdict({ subjectId: 'H-1' }), aVerdict({ subjectId: 'H-10' })]);
    expect((await store.getSubjectVerdicts('household', 'H-1')).map((v) => v.subjectId)).toEqual(['H-1']);
  });

  it('reads nothing back when it writes a partition for the first time, and returns the verdicts as written', async () => {
    const spill = new CountingSpill();
    const store = new MemoryVerdictStore(spill);
    const verdicts = [aVerdict(), aVerdict({ subjectId: 'H-0002', items: [{ id: 'income', outcome: 'pass', label: { zh: '收入', en: 'income' }, actual: 4000.5, expected: '≥ 3535' }] })];
    expect(await store.replacePartitionVerdicts('V-001', 2018, verdicts)).toBe(2);
    expect(spill.reads).toBe(0);
    expect(await store.listPartitionVerdicts('V-001', 2018)).toEqual(verdicts);
    expect(await store.replacePartitionVerdicts('V-001', 2018, verdicts)).toBe(0);
  });
});
