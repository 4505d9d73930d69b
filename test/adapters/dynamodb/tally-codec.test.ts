import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProvince } from '../../../bench/generate-province.js';
import { estimateItemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { tallyFromItems, tallyToItems } from '../../../src/adapters/dynamodb/tally-chunks.js';
import { packSummaries, unpackSummaries } from '../../../src/adapters/dynamodb/tally-codec.js';
import type { TallyTexts } from '../../../src/adapters/dynamodb/tally-labels.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import { verdictTexts } from '../../../src/engine/verdict-texts.js';
import type { VillageTally } from '../../../src/ports/run-store.js';
import type { HouseholdExitSummary } from '../../../src/standards/accountability/accountability-input.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';
import { scoreFolderInMemory } from '../../helpers/score-in-memory.js';
import { summary, tally } from './builders.js';

const SAMPLE = fileURLToPath(new URL('../../../data/sample-county', import.meta.url));
const QUARTER = '2018Q4';
let sample: VillageTally[];
let province: VillageTally[];
let provinceDir: string;

async function talliesOf(folder: string): Promise<VillageTally[]> {
  const scored = await scoreFolderInMemory(folder, QUARTER, EVALUATORS.compiled);
  const all: VillageTally[] = [];
  for (const county of scored.dataset.counties) all.push(...(await scored.stores.runs.listVillageTallies(QUARTER, county.countyId)));
  return all;
}

/** The texts of the versions a tally names, for its quarter's year, from the repository's rule-set files. */
async function textsOf(t: VillageTally): Promise<TallyTexts> {
  const ruleSets = await repositoryRuleSets();
  const year = Number(t.quarter.slice(0, 4));
  return new Map(Object.entries(t.versions).map(([id, version]) => [id, verdictTexts(prepareRuleSet(ruleSets.find((r) => r.id === id && r.version === version)!, year))]));
}

beforeAll(async () => {
  sample = await talliesOf(SAMPLE);
  provinceDir = await mkdtemp(join(tmpdir(), 'tuopin-tally-codec-'));
  await writeProvince({ seed: 7, households: 3_000, counties: 2 }, provinceDir);
  province = await talliesOf(provinceDir);
}, 180_000);
afterAll(() => rm(provinceDir, { recursive: true, force: true }));

/** Written and read back: whole, and in parts; equal, and with the same JSON (key order included). */
function expectRoundTrip(t: VillageTally, texts?: TallyTexts): void {
  for (const partsFrom of [undefined, 0]) {
    const { header, chunks } = tallyToItems(t, { texts, partsFrom });
    const back = tallyFromItems(header, [...chunks].reverse(), texts);
    expect(back).toEqual(t);
    expect(JSON.stringify(back)).toBe(JSON.stringify(t));
  }
}

const odd: Record<string, HouseholdExitSummary> = {
  'another village': summary('V2-H1', 'V2'),
  'an id not starting with its village': summary('X-H1'),
  'an id equal to its village': summary('V1'),
  'an id part with a tab': summary('V1-\tH'),
  'an id part with a newline': summary('V1-\nH'),
  'an id part starting with a brace': summary('V1{H'),
  'non-ASCII ids': { ...summary('村一-户一', '村一') },
  'an unknown status': { ...summary('V1-H2'), status: 'moved' as never },
  'a status named like a prototype member': { ...summary('V1-H2'), status: 'constructor' as never },
  'no planned year': { ...summary('V1-H3'), plannedExitYear: null },
  'a fractional year': { ...summary('V1-H4'), plannedExitYear: 2018.5 },
  'a negative year': { ...summary('V1-H4'), plannedExitYear: -1 },
  'no exit': { ...summary('V1-H5'), exit: null },
  'exit missing': (({ exit: _exit, ...rest }) => rest as HouseholdExitSummary)(summary('V1-H6')),
  'an unknown outcome': { ...summary('V1-H7'), exit: { outcome: 'maybe' as never, items: { income: 'pass' } } },
  'an unknown item outcome': { ...summary('V1-H7'), exit: { outcome: 'fail', items: { income: 'sometimes' as never } } },
  'no items': { ...summary('V1-H8'), exit: { outcome: 'unknown', items: {} } },
  'other items': { ...summary('V1-H9'), exit: { outcome: 'fail', items: { water: 'fail', 收入: 'pass', '1': 'unknown' } } },
  'another key order': { villageId: 'V1', householdId: 'V1-H10', plannedExitYear: 2019, status: 'exited', exit: null },
  'another key order in exit': { ...summary('V1-H11'), exit: { items: { income: 'pass' }, outcome: 'pass' } as never },
  'an extra field': { ...summary('V1-H12'), note: '备注' } as never,
};

describe('the packed tally', () => {
  it('reads back every odd summary exactly, each on its own and all together', () => {
    for (const [name, s] of Object.entries(odd)) {
      const back = unpackSummaries('V1', packSummaries('V1', [s]));
      expect(JSON.stringify(back), name).toBe(JSON.stringify([s]));
    }
    const all = Object.values(odd);
    expect(JSON.stringify(unpackSummaries('V1', packSummaries('V1', all)))).toBe(JSON.stringify(all));
    expectRoundTrip(tally({ summaries: all }));
  });

  it('refers to a dozen item lists by number', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...summary(`V1-H${i}`), exit: { outcome: 'pass' as const, items: { [`item-${i}`]: 'fail' as const } } }));
    const packed = packSummaries('V1', many);
    expect(packed.k).toHaveLength(12);
    expect(packed.s).not.toContain('{');
    expect(JSON.stringify(unpackSummaries('V1', packed))).toBe(JSON.stringify(many));
  });

  it('keeps the common summary to a short line', () => {
    const packed = packSummaries('V1', [summary('V1-H00001')]);
    expect(packed.s).toBe('-H00001\tp2018\tpppppu');
  });

  it('keeps the key order of a tally whatever it is, with or without an overview, with no households', () => {
    const base = tally({ households: 3 });
    const { summaries, versions, ...rest } = base;
    expectRoundTrip({ versions, ...rest, summaries } as VillageTally);
    expectRoundTrip({ ...base, summaries: [] });
    expectRoundTrip({ ...base, quarter: '季度', villageId: '村', summaries: [summary('村-户', '村')] });
  });

  it('round-trips every tally of the sample county and of a generated province, with and without the versions texts', async () => {
    expect(sample.length).toBe(38);
    expect(province.length).toBeGreaterThan(10);
    for (const t of [...sample, ...province]) {
      expect(t.overview).toBeDefined();
      expectRoundTrip(t);
      expectRoundTrip(t, await textsOf(t));
    }
  });

  it('stores a tally of the sample county in a few bytes a household, its header without the labels', async () => {
    let bytes = 0;
    let households = 0;
    for (const t of sample) {
      const { header, chunks } = tallyToItems(t, { texts: await textsOf(t) });
      expect(chunks).toEqual([]);
      expect(header.labels).toBe('versions');
      bytes += estimateItemSize(header);
      households += t.summaries.length;
    }
    expect(bytes / households).toBeLessThan(40);
  });
});
