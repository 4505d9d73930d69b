import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useDynalite } from '../../helpers/dynalite.js';
import { household, scoreRow, verdict } from './builders.js';

const dynalite = useDynalite();

/** Doubles whose decimal text is awkward: long fractions, halves, tiny and huge magnitudes, negatives. */
const AWKWARD = [0.004470938897168405, 4210.5, 0.1 + 0.2, 1 / 3, -2.5e-7, 1e-100, 1.2345678901234567e125, 2 ** 53 + 2, -0, 0, 123456.789];

describe('numbers in the DynamoDB stores', () => {
  it('come back as the identical JS number', async () => {
    const { records } = dynalite.stores();
    // An income cannot be negative (the schema refuses it), so the negative numbers ride in a
    // loose field, which the store keeps like any other.
    const put = AWKWARD.map((value, i) => household({ householdId: `NUM-${i}`, villageId: 'NUM', incomePerCapita: Math.abs(value), reading: value }));
    await records.putHouseholds(put);
    const read = await records.listHouseholds('NUM');
    for (const [i, value] of AWKWARD.entries()) {
      const back = read.find((h) => h.householdId === `NUM-${i}`);
      // -0 has no decimal text of its own in DynamoDB: it comes back as 0, which JSON writes the same.
      expect(Object.is(back?.['reading'], value) || (value === 0 && back?.['reading'] === 0)).toBe(true);
      expect(Object.is(back?.incomePerCapita, Math.abs(value)) || (value === 0 && back?.incomePerCapita === 0)).toBe(true);
    }
  });

  it('come back identical in verdict figures and score indicators for any finite double DynamoDB can hold', async () => {
    const { verdicts, accountability } = dynalite.stores();
    const storable = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e125, max: 1e125 }).filter((d) => d === 0 || Math.abs(d) >= 1e-128);
    await fc.assert(
      fc.asyncProperty(fc.array(storable, { minLength: 1, maxLength: 8 }), async (values) => {
        const figures = Object.fromEntries(values.map((v, i) => [`f${i}`, v === 0 ? 0 : v]));
        const v = verdict({ subjectId: 'PROP', figures, determinationId: JSON.stringify(values) });
        await verdicts.putChangedVerdicts('PROP', [v]);
        expect((await verdicts.listPartitionVerdicts('PROP', 2018))[0]?.figures).toEqual(figures);
        const row = scoreRow({ score: values[0] === 0 ? 0 : values[0]! });
        await accountability.putCountyAccountability('2018Q3', 'PROP', [row], []);
        expect((await accountability.listScores('2018Q3', 'PROP'))[0]?.score).toBe(row.score);
      }),
      { numRuns: 25 },
    );
  });
});
