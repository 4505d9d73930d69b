import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { queryAll } from '../../../src/adapters/dynamodb/query-all.js';
import { RunConflictError, type VillageTally } from '../../../src/ports/run-store.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { run, summary, tally } from './builders.js';
import { logCommands, type CommandLog } from './command-log.js';

const dynalite = useDynalite();
let log: CommandLog;
beforeAll(() => {
  log = logCommands(dynalite.client);
});

/** The raw items of a county's tallies, to see how a tally is laid out. */
async function tallyItems(quarter: string, countyId: string) {
  return queryAll(createDynamoTable(dynalite.client, dynalite.tableName), keys.countyTallies(quarter, countyId), { consistent: true });
}

describe('the DynamoDB run store', () => {
  it('gives back a packed tally exactly for a village with no household, with odd summaries and with non-ASCII ids', async () => {
    const runs = dynalite.stores().runs;
    const odd: VillageTally[] = [
      tally({ countyId: 'EDGE', villageId: 'V-EMPTY', households: 0 }),
      tally({ countyId: 'EDGE', villageId: 'V-ODD', summaries: [summary('X-1', 'V-ODD'), { ...summary('V-ODD-2', 'V-ODD'), exit: { outcome: 'unknown', items: {} } }, { ...summary('V-ODD-3', 'V-ODD'), status: 'moved' as never }] }),
      tally({ countyId: 'EDGE', villageId: '村一', summaries: [summary('村一-户一', '村一'), summary('村一-户二', '村一')] }),
    ];
    for (const t of odd) await runs.putVillageTally(t);
    const back = await runs.listVillageTallies('2018Q3', 'EDGE');
    expect(back.map((t) => JSON.stringify(t)).sort()).toEqual(odd.map((t) => JSON.stringify(t)).sort());
  });

  it('splits a 5,000-household tally into chunk items and reads it back whole', async () => {
    const { runs } = dynalite.stores();
    const big = tally({ countyId: 'BIG', villageId: 'V1', households: 5_000 });
    await runs.putVillageTally(big);
    await runs.putVillageTally(tally({ countyId: 'BIG', villageId: 'V2' }));
    const items = await tallyItems('2018Q3', 'BIG');
    expect(items.filter((i) => i.kind === 'tally-chunk').length).toBeGreaterThan(1);
    expect(await runs.listVillageTallies('2018Q3', 'BIG')).toEqual([big, tally({ countyId: 'BIG', villageId: 'V2' })]);
  });

  it('deletes the chunks of the tally it replaces', async () => {
    const { runs } = dynalite.stores();
    await runs.putVillageTally(tally({ countyId: 'SHRINK', households: 5_000 }));
    await runs.putVillageTally(tally({ countyId: 'SHRINK', households: 4_000 }));
    await runs.putVillageTally(tally({ countyId: 'SHRINK', households: 10 }));
    expect(await tallyItems('2018Q3', 'SHRINK')).toHaveLength(1);
    expect(await runs.listVillageTallies('2018Q3', 'SHRINK')).toEqual([tally({ countyId: 'SHRINK', households: 10 })]);
  });

  it("deletes a removed village's chunked tally with every chunk, found through its index entry", async () => {
    const { runs } = dynalite.stores();
    await runs.putVillageTally(tally({ countyId: 'GONE', villageId: 'V-GONE', households: 5_000 }));
    await runs.putVillageTally(tally({ countyId: 'GONE', villageId: 'V-STAYS' }));
    expect(await runs.deleteVillageTallies(['V-GONE'])).toBe(1);
    expect((await tallyItems('2018Q3', 'GONE')).map((i) => i.villageId)).toEqual(['V-STAYS']);
  });

  it('writes nothing when the same tally is put again', async () => {
    const { runs } = dynalite.stores();
    await runs.putVillageTally(tally({ countyId: 'SAME', households: 5_000 }));
    log.clear();
    await runs.putVillageTally(tally({ countyId: 'SAME', households: 5_000 }));
    expect(log.batchWrites()).toBe(0);
  });

  it('refuses a run that reuses the id of another run and keeps the first', async () => {
    const { runs } = dynalite.stores();
    await runs.putRun(run({ runId: 'taken' }));
    await expect(runs.putRun(run({ runId: 'taken', startedAt: '2018-10-01T18:00:00.000Z' }))).rejects.toBeInstanceOf(RunConflictError);
    await expect(runs.putRun(run({ runId: 'taken', quarter: '2018Q4' }))).rejects.toMatchObject({ code: 'RUN_CONFLICT', runId: 'taken' });
    expect(await runs.getRun('taken')).toEqual(run({ runId: 'taken' }));
  });

  it('lets the same run be updated as it goes and when it ends', async () => {
    const { runs } = dynalite.stores();
    await runs.putRun(run({ runId: 'mine' }));
    await runs.putRun(run({ runId: 'mine' }));
    const done = run({ runId: 'mine', status: 'failed', finishedAt: '2018-09-30T19:00:00.000Z', failedVillages: [{ villageId: 'V9', error: 'boom' }], stageSeconds: { plan: 0.25 } });
    await runs.putRun(done);
    expect(await runs.getRun('mine')).toEqual(done);
    expect(await runs.listRuns('2018Q3')).toContainEqual(done);
  });
});
