import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import { RuleSetConflictError } from '../../../src/engine/errors.js';
import type { Verdict } from '../../../src/engine/verdict.js';
import type { Stores } from '../../../src/ports/stores.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { card, county, household, listRow, published, run, scoreRow, tally, township, unit, verdict, village } from './builders.js';

const dynalite = useDynalite();

/** The same assertions against both adapter families, so they cannot drift apart. */
const families: { name: string; make: () => Promise<Stores> }[] = [
  { name: 'memory', make: async () => createMemoryStores() },
  { name: 'DynamoDB', make: () => dynalite.freshStores() },
];

// The memory store lists a partition's verdicts in insertion order, the DynamoDB store sorted.
const sorted = (verdicts: Verdict[]) => verdicts.map((v) => `${v.subjectType}/${v.subjectId}/${v.ruleSetId}/${v.determinationId}`).sort();

describe.each(families)('the $name stores', ({ make }) => {
  describe('records', () => {
    it('return what was put, sorted by id, upserting by id without duplicates', async () => {
      const { records } = await make();
      await records.putCounties([county({ countyId: 'C2' }), county({ countyId: 'C1', name: '旧名' })]);
      await records.putCounties([county({ countyId: 'C1', name: '新名' })]);
      expect((await records.listCounties()).map((c) => [c.countyId, c.name])).toEqual([
        ['C1', '新名'],
        ['C2', '乡城县'],
      ]);
      expect(await records.getCounty('C2')).toEqual(county({ countyId: 'C2' }));
      expect(await records.getCounty('C9')).toBeNull();
    });

    it("list one county's townships, villages and units only", async () => {
      const { records } = await make();
      await records.putTownships([township({ townshipId: 'T2', countyId: 'C1' }), township({ townshipId: 'T1', countyId: 'C1' }), township({ townshipId: 'T3', countyId: 'C2' })]);
      await records.putVillages([village({ villageId: 'V2', countyId: 'C1' }), village({ villageId: 'V1', countyId: 'C1' }), village({ villageId: 'V3', countyId: 'C2' })]);
      await records.putUnits([unit({ unitId: 'U1', countyId: 'C2' }), unit({ unitId: 'U2', countyId: 'C1' })]);
      expect((await records.listTownships('C1')).map((t) => t.townshipId)).toEqual(['T1', 'T2']);
      expect((await records.listVillages('C1')).map((v) => v.villageId)).toEqual(['V1', 'V2']);
      expect((await records.listUnits('C1')).map((u) => u.unitId)).toEqual(['U2']);
      expect(await records.getVillage('V3')).toEqual(village({ villageId: 'V3', countyId: 'C2' }));
      expect(await records.getVillage('V9')).toBeNull();
    });

    it("list a village's households by id and follow a household that moves to another village", async () => {
      const { records } = await make();
      await records.putHouseholds(['H2', 'H1', 'H3'].map((id) => household({ householdId: id, villageId: 'V1' })));
      await records.putHouseholds([household({ householdId: 'H3', villageId: 'V2' })]);
      expect((await records.listHouseholds('V1')).map((h) => h.householdId)).toEqual(['H1', 'H2']);
      expect(await records.listHouseholds('V2')).toEqual([household({ householdId: 'H3', villageId: 'V2' })]);
      expect((await records.getHousehold('H3'))?.villageId).toBe('V2');
      expect(await records.getHousehold('H9')).toBeNull();
    });

    it("list a village's household ids alone, sorted, ids holding # and % included", async () => {
      const { records } = await make();
      await records.putHouseholds(['H#2', 'H%1', 'H3', 'H%231'].map((id) => household({ householdId: id, villageId: 'VIDS' })));
      expect(await records.listHouseholdIds('VIDS')).toEqual(['H#2', 'H%1', 'H%231', 'H3']);
      expect(await records.listHouseholdIds('VNONE')).toEqual([]);
    });

    it("list a village's household names sorted by id, a head's name null when missing or empty, ids holding # and % included", async () => {
      const { records } = await make();
      await records.putHouseholds([
        household({ householdId: 'N%231', villageId: 'V#N', headName: '张三' }),
        household({ householdId: 'N#2', villageId: 'V#N', headName: '' }),
        household({ householdId: 'N3', villageId: 'V#N' }),
        household({ householdId: 'N%1', villageId: 'V#N', headName: null }),
        household({ householdId: 'N0', villageId: 'V%N', headName: '李四' }),
      ]);
      await records.putHouseholds([household({ householdId: 'N3', villageId: 'V#N', headName: '王五' })]);
      expect(await records.listHouseholdNames('V#N')).toEqual([
        { householdId: 'N#2', villageId: 'V#N', headName: null },
        { householdId: 'N%1', villageId: 'V#N', headName: null },
        { householdId: 'N%231', villageId: 'V#N', headName: '张三' },
        { householdId: 'N3', villageId: 'V#N', headName: '王五' },
      ]);
      expect(await records.listHouseholdNames('V%N')).toEqual([{ householdId: 'N0', villageId: 'V%N', headName: '李四' }]);
      expect(await records.listHouseholdNames('VNONE')).toEqual([]);
    });

    it('delete townships, villages, units and households by id, a household leaving its village listing, unknown ids and households of another village ignored', async () => {
      const { records } = await make();
      await records.putTownships([township({ townshipId: 'T1', countyId: 'C1' }), township({ townshipId: 'T2', countyId: 'C1' })]);
      await records.putVillages([village({ villageId: 'V1', countyId: 'C1' }), village({ villageId: 'V2', countyId: 'C1' })]);
      await records.putUnits([unit({ unitId: 'U1', countyId: 'C1' }), unit({ unitId: 'U2', countyId: 'C1' })]);
      await records.putHouseholds(['H1', 'H2', 'H3'].map((id) => household({ householdId: id, villageId: 'V1' })));
      await records.putHouseholds([household({ householdId: 'H4', villageId: 'V2' })]);
      await records.deleteRecords('township', ['T2', 'T9']);
      await records.deleteRecords('village', ['V2']);
      await records.deleteRecords('unit', ['U1']);
      expect(await records.removeHouseholds('V1', ['H2', 'H9', 'H4'])).toEqual(['H2']);
      expect((await records.listTownships('C1')).map((t) => t.townshipId)).toEqual(['T1']);
      expect((await records.listVillages('C1')).map((v) => v.villageId)).toEqual(['V1']);
      expect(await records.getVillage('V2')).toBeNull();
      expect((await records.listUnits('C1')).map((u) => u.unitId)).toEqual(['U2']);
      expect((await records.listHouseholds('V1')).map((h) => h.householdId)).toEqual(['H1', 'H3']);
      expect(await records.getHousehold('H2')).toBeNull();
      expect((await records.getHousehold('H4'))?.villageId).toBe('V2');
    });

    it("replace a county's incompleteness notes wholly and list them county-wide first, then by village", async () => {
      const { records } = await make();
      const row = (line: number) => ({ file: 'households.jsonl', line, field: 'incomePerCapita', reason: 'expected a number, got "abc"', id: `H${line}` });
      const note = (villageId: string | null, kind: 'households' | 'townships', lines: number[]) => ({ countyId: 'C1', villageId, kind, rows: lines.map(row), rowCount: lines.length });
      await records.replaceIncompleteNotes('C1', [note('V2', 'households', [7]), note(null, 'townships', [3]), note('V#1', 'households', [4, 5])]);
      await records.replaceIncompleteNotes('C2', [{ ...note(null, 'households', [9]), countyId: 'C2' }]);
      expect(await records.listIncompleteNotes('C1')).toEqual([note(null, 'townships', [3]), note('V#1', 'households', [4, 5]), note('V2', 'households', [7])]);
      await records.replaceIncompleteNotes('C1', [note('V2', 'households', [8])]);
      expect(await records.listIncompleteNotes('C1')).toEqual([note('V2', 'households', [8])]);
      await records.replaceIncompleteNotes('C1', []);
      expect(await records.listIncompleteNotes('C1')).toEqual([]);
      expect(await records.listIncompleteNotes('C2')).toHaveLength(1);
    });

    it('keep ids holding # and % apart', async () => {
      const { records } = await make();
      await records.putHouseholds([household({ householdId: 'H#1', villageId: 'V#1' }), household({ householdId: 'H%231', villageId: 'V' })]);
      expect((await records.listHouseholds('V#1')).map((h) => h.householdId)).toEqual(['H#1']);
      expect((await records.listHouseholds('V')).map((h) => h.householdId)).toEqual(['H%231']);
      expect((await records.getHousehold('H#1'))?.villageId).toBe('V#1');
    });
  });

  describe('verdicts', () => {
    it('write only the verdicts whose determination changed and count them', async () => {
      const { verdicts } = await make();
      const first = [verdict({ subjectId: 'H2' }), verdict({ subjectId: 'H1' }), verdict({ subjectType: 'village', subjectId: 'V1', ruleSetId: 'village-exit' })];
      expect(await verdicts.putChangedVerdicts('V1', first)).toBe(3);
      expect(await verdicts.putChangedVerdicts('V1', first)).toBe(0);
      const second = [first[0]!, verdict({ subjectId: 'H1', determinationId: 'd-2', outcome: 'stay' }), first[2]!];
      expect(await verdicts.putChangedVerdicts('V1', second)).toBe(1);
      expect(sorted(await verdicts.listPartitionVerdicts('V1', 2018))).toEqual(sorted(second));
    });

    it("give a subject's latest verdicts of every standard and year, by standard then year", async () => {
      const { verdicts, records } = await make();
      // A household's verdicts are in the village its record names.
      await records.putHouseholds([household({ householdId: 'V1-H1', villageId: 'V1' })]);
      await verdicts.putChangedVerdicts('V1', [
        verdict({ ruleSetId: 'return-risk', year: 2018 }),
        verdict({ year: 2018 }),
        verdict({ year: 2017, determinationId: 'd-2017' }),
        verdict({ subjectId: 'V1-H2' }),
      ]);
      const found = await verdicts.getSubjectVerdicts('household', 'V1-H1');
      expect(found.map((v) => `${v.ruleSetId}/${v.year}`)).toEqual(['household-exit/2017', 'household-exit/2018', 'return-risk/2018']);
      expect(found[1]).toEqual(verdict({ year: 2018 }));
      expect(await verdicts.getSubjectVerdicts('village', 'V1-H1')).toEqual([]);
    });

    it("replace a partition's verdicts of a year: changed ones written, those no longer produced deleted", async () => {
      const { verdicts } = await make();
      const first = [verdict({ subjectId: 'H1' }), verdict({ subjectId: 'H2' }), verdict({ subjectId: 'H3', ruleSetId: 'identification' })];
      await verdicts.putChangedVerdicts('V1', [verdict({ subjectId: 'H1', year: 2017, determinationId: 'd-2017' })]);
      expect(await verdicts.replacePartitionVerdicts('V1', 2018, first)).toBe(3);
      expect(await verdicts.replacePartitionVerdicts('V1', 2018, first)).toBe(0);
      const second = [first[0]!, verdict({ subjectId: 'H2', determinationId: 'd-2', outcome: 'stay' })];
      expect(await verdicts.replacePartitionVerdicts('V1', 2018, second)).toBe(2);
      expect(sorted(await verdicts.listPartitionVerdicts('V1', 2018))).toEqual(sorted(second));
      expect(await verdicts.getSubjectVerdicts('household', 'H3')).toEqual([]);
      expect((await verdicts.listPartitionVerdicts('V1', 2017)).map((v) => v.determinationId)).toEqual(['d-2017']);
    });

    it("delete the verdicts of every year of some households of a partition, or the whole partition", async () => {
      const { verdicts } = await make();
      await verdicts.putChangedVerdicts('V1', [
        verdict({ subjectId: 'H1' }),
        verdict({ subjectId: 'H1', ruleSetId: 'identification' }),
        verdict({ subjectId: 'H1', year: 2017, determinationId: 'd-2017' }),
        verdict({ subjectId: 'H2' }),
        verdict({ subjectType: 'village', subjectId: 'H1', ruleSetId: 'village-exit' }),
      ]);
      await verdicts.putChangedVerdicts('V2', [verdict({ subjectId: 'H3' }), verdict({ subjectType: 'village', subjectId: 'V2', ruleSetId: 'village-exit' })]);
      expect(await verdicts.deleteSubjectVerdicts('V1', 'household', ['H1', 'H9'])).toBe(3);
      expect((await verdicts.listPartitionVerdicts('V1', 2018)).map((v) => `${v.subjectType}/${v.subjectId}`).sort()).toEqual(['household/H2', 'village/H1']);
      expect(await verdicts.listPartitionVerdicts('V1', 2017)).toEqual([]);
      expect(await verdicts.getSubjectVerdicts('household', 'H1')).toEqual([]);
      expect(await verdicts.deleteSubjectVerdicts('V2', 'household', 'all')).toBe(2);
      expect(await verdicts.listPartitionVerdicts('V2', 2018)).toEqual([]);
      expect(await verdicts.getSubjectVerdicts('village', 'V2')).toEqual([]);
      expect(await verdicts.deleteSubjectVerdicts('V9', 'household', 'all')).toBe(0);
    });

    it("list a partition's verdicts of one year only", async () => {
      const { verdicts } = await make();
      await verdicts.putChangedVerdicts('V1', [verdict({ year: 2017 }), verdict({ year: 2018 })]);
      await verdicts.putChangedVerdicts('V10', [verdict({ subjectId: 'V10-H1' })]);
      await verdicts.putChangedVerdicts('C1', [verdict({ subjectType: 'county', subjectId: 'C1', ruleSetId: 'county-exit' })]);
      expect(await verdicts.listPartitionVerdicts('V1', 2018)).toEqual([verdict({ year: 2018 })]);
      expect((await verdicts.listPartitionVerdicts('C1', 2018)).map((v) => v.subjectId)).toEqual(['C1']);
      expect(await verdicts.listPartitionVerdicts('V1', 2019)).toEqual([]);
    });
  });

  describe('runs', () => {
    it("list a quarter and county's village tallies by village, the last put of each", async () => {
      const { runs } = await make();
      await runs.putVillageTally(tally({ villageId: 'V2' }));
      await runs.putVillageTally(tally({ villageId: 'V1', households: 1 }));
      await runs.putVillageTally(tally({ villageId: 'V1', households: 2 }));
      await runs.putVillageTally(tally({ villageId: 'V3', countyId: 'C2' }));
      await runs.putVillageTally(tally({ villageId: 'V4', quarter: '2018Q4' }));
      expect(await runs.listVillageTallies('2018Q3', 'C1')).toEqual([tally({ villageId: 'V1', households: 2 }), tally({ villageId: 'V2' })]);
      expect(await runs.listVillageTallies('2018Q2', 'C1')).toEqual([]);
    });

    it('delete the tallies of every quarter of some villages, a chunked tally with its chunks', async () => {
      const { runs } = await make();
      await runs.putVillageTally(tally({ villageId: 'V1' }));
      await runs.putVillageTally(tally({ villageId: 'V1', quarter: '2018Q4' }));
      await runs.putVillageTally(tally({ villageId: 'V2', households: 6000 }));
      await runs.putVillageTally(tally({ villageId: 'V3' }));
      expect(await runs.deleteVillageTallies(['V1', 'V2', 'V9'])).toBe(3);
      expect((await runs.listVillageTallies('2018Q3', 'C1')).map((t) => t.villageId)).toEqual(['V3']);
      expect(await runs.listVillageTallies('2018Q4', 'C1')).toEqual([]);
      await runs.putVillageTally(tally({ villageId: 'V2', households: 6000 }));
      expect(await runs.listVillageTallies('2018Q3', 'C1')).toEqual([tally({ villageId: 'V2', households: 6000 }), tally({ villageId: 'V3' })]);
    });

    it('update a run in place and list the quarter’s runs by start', async () => {
      const { runs } = await make();
      await runs.putRun(run({ runId: 'late', startedAt: '2018-09-30T20:00:00.000Z' }));
      await runs.putRun(run({ runId: 'early' }));
      await runs.putRun(run({ runId: 'early', status: 'succeeded', finishedAt: '2018-09-30T18:30:00.000Z', writes: { verdicts: 12, scores: 3, cards: 3 } }));
      await runs.putRun(run({ runId: 'other', quarter: '2018Q4' }));
      expect((await runs.getRun('early'))?.status).toBe('succeeded');
      expect(await runs.getRun('none')).toBeNull();
      expect((await runs.listRuns('2018Q3')).map((r) => r.runId)).toEqual(['early', 'late']);
    });
  });

  describe('accountability', () => {
    it('write only cards whose value changed, a first "no card" included, and list a unit’s cards by quarter', async () => {
      const { accountability } = await make();
      const cards = [card({ quarter: '2018Q3' }), card({ quarter: '2018Q2', card: null }), card({ unitType: 'assisting-unit', unitId: 'U1' })];
      expect(await accountability.putCards(cards)).toBe(3);
      expect(await accountability.putCards(cards)).toBe(0);
      expect(await accountability.putCards([card({ quarter: '2018Q2', card: 'red-flag' })])).toBe(1);
      expect(await accountability.listCards('township', 'T1')).toEqual([card({ quarter: '2018Q2', card: 'red-flag' }), card({ quarter: '2018Q3' })]);
      expect(await accountability.listCards('township', 'U1')).toEqual([]);
    });

    it("replace a county's scores and lists of a quarter, counting the score rows that changed", async () => {
      const { accountability } = await make();
      const scores = [scoreRow({ unitId: 'T2' }), scoreRow({ unitId: 'T1' }), scoreRow({ unitType: 'assisting-unit', unitId: 'U1' })];
      const lists = [listRow(), listRow({ list: 'resignation' })];
      expect(await accountability.putCountyAccountability('2018Q3', 'C1', scores, lists)).toBe(3);
      expect(await accountability.putCountyAccountability('2018Q3', 'C1', scores, lists)).toBe(0);
      const next = [scoreRow({ unitId: 'T1', score: 60 }), scoreRow({ unitId: 'T2' })];
      expect(await accountability.putCountyAccountability('2018Q3', 'C1', next, [listRow({ unitId: 'T2' })])).toBe(1);
      expect(await accountability.listScores('2018Q3', 'C1')).toEqual(next);
      expect(await accountability.listLists('2018Q3', 'C1')).toEqual([listRow({ unitId: 'T2' })]);
      expect(await accountability.listScores('2018Q3', 'C2')).toEqual([]);
      expect(await accountability.listLists('2018Q4', 'C1')).toEqual([]);
    });
  });

  describe('rule sets', () => {
    it('keep published versions, list them ascending and the ids sorted, and refuse a second publish', async () => {
      const { ruleSets } = await make();
      const [first, second] = await repositoryRuleSets();
      const v2 = published({ ...first!, version: 2 }, { note: 'second' });
      await ruleSets.publish(v2);
      await ruleSets.publish(published(first!));
      await ruleSets.publish(published(second!));
      await expect(ruleSets.publish(published(first!, { author: 'someone else' }))).rejects.toBeInstanceOf(RuleSetConflictError);
      expect(await ruleSets.getVersion(first!.id, first!.version)).toEqual(published(first!));
      expect(await ruleSets.getVersion(first!.id, 9)).toBeNull();
      expect((await ruleSets.listVersions(first!.id)).map((p) => p.ruleSet.version)).toEqual([1, 2]);
      expect(await ruleSets.listIds()).toEqual([first!.id, second!.id].sort());
    });
  });
});
