import { beforeAll, describe, expect, it } from 'vitest';
import { useDynalite } from '../../helpers/dynalite.js';
import { verdict } from './builders.js';
import { logCommands, type CommandLog } from './command-log.js';

const dynalite = useDynalite();
let log: CommandLog;
beforeAll(() => {
  log = logCommands(dynalite.client);
});

/** A village's verdicts: its households' household-exit verdicts and its own village-exit verdict. */
function villageVerdicts(villageId: string, households: number, determination = 'd-1') {
  return [
    ...Array.from({ length: households }, (_, i) => verdict({ subjectId: `${villageId}-H${String(i).padStart(3, '0')}`, determinationId: determination })),
    verdict({ subjectType: 'village', subjectId: villageId, ruleSetId: 'village-exit', determinationId: determination }),
  ];
}

describe('the DynamoDB verdict store', () => {
  it('sends no write at all when a re-run brings the same verdicts', async () => {
    const { verdicts } = dynalite.stores();
    const first = villageVerdicts('RERUN', 60);
    expect(await verdicts.putChangedVerdicts('RERUN', first)).toBe(61);
    log.clear();
    expect(await verdicts.putChangedVerdicts('RERUN', first)).toBe(0);
    expect(log.batchWrites()).toBe(0);
    expect(log.named('QueryCommand')).toHaveLength(1);
  });

  it('sends exactly the changed verdicts', async () => {
    const { verdicts } = dynalite.stores();
    const first = villageVerdicts('CHANGE', 30);
    await verdicts.putChangedVerdicts('CHANGE', first);
    const next = first.map((v, i) => (i % 10 === 0 ? { ...v, determinationId: 'd-2', outcome: 'stay' } : v));
    log.clear();
    expect(await verdicts.putChangedVerdicts('CHANGE', next)).toBe(4);
    expect(log.batchWrites()).toBe(4);
    expect((await verdicts.getSubjectVerdicts('household', 'CHANGE-H010'))[0]?.outcome).toBe('stay');
  });

  it("reads a partition's determination ids with a strongly consistent, projected Query of its year", async () => {
    const { verdicts } = dynalite.stores();
    log.clear();
    await verdicts.putChangedVerdicts('PROJ', villageVerdicts('PROJ', 2));
    const [query] = log.named('QueryCommand');
    expect(query?.input).toMatchObject({ ConsistentRead: true, ProjectionExpression: '#a0, #a1', ExpressionAttributeValues: { ':sk': 'VERDICT#2018#' } });
  });

  it('gives back verdicts with their explanations exactly as put', async () => {
    const { verdicts } = dynalite.stores();
    const full = verdict({
      subjectId: 'EXACT-H1',
      figures: { numerator: 3, denominator: 671, ratio: 0.004470938897168405, missingPart: null },
      warnings: [{ id: 'notice-days', label: { zh: '公示天数不足', en: 'notice too short' }, actual: 5, expected: '>= 7' }],
      items: [{ id: 'income', outcome: 'pass', label: { zh: '收入', en: 'income' }, actual: { perCapita: 4210.5, members: [1, 2] }, expected: '> 3535' }],
    });
    await verdicts.putChangedVerdicts('EXACT', [full]);
    expect(await verdicts.listPartitionVerdicts('EXACT', 2018)).toEqual([full]);
    expect(await verdicts.getSubjectVerdicts('household', 'EXACT-H1')).toEqual([full]);
  });

  it('keeps the verdicts of a village apart from a village whose id starts the same', async () => {
    const { verdicts } = dynalite.stores();
    await verdicts.putChangedVerdicts('PRE', villageVerdicts('PRE', 1));
    await verdicts.putChangedVerdicts('PRE1', villageVerdicts('PRE1', 1));
    expect((await verdicts.listPartitionVerdicts('PRE', 2018)).map((v) => v.subjectId)).toEqual(['PRE-H000', 'PRE']);
  });
});
