import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { itemSize } from '../src/adapters/dynamodb/item-size.js';
import { householdItem, verdictItem, type Item } from '../src/adapters/dynamodb/mappers.js';
import { tallyToItems } from '../src/adapters/dynamodb/tally-chunks.js';
import { INDEX_ATTRIBUTES } from '../src/adapters/dynamodb/table-keys.js';
import { digestItem, verdictDigest } from '../src/adapters/dynamodb/verdict-digest.js';
import { readDatasetFolder } from '../src/adapters/file/read-dataset-folder.js';
import { readRuleSetFolder } from '../src/adapters/file/rule-set-files.js';
import { ruleSetsInForce } from '../src/adapters/rule-sets/rule-sets-in-force.js';
import { openRoot } from '../src/composition/open-root.js';
import { EVALUATORS } from '../src/engine/evaluators.js';
import { prepareRuleSet } from '../src/engine/prepare-rule-set.js';
import type { Verdict } from '../src/engine/verdict.js';
import { verdictTexts, type VerdictTexts } from '../src/engine/verdict-texts.js';
import { lastDayOfQuarter } from '../src/kernel/quarter.js';
import { createScoringContext } from '../src/use-cases/scoring-context.js';
import { scoreDataset } from '../src/use-cases/scoring/score-dataset.js';

const HELP = `Usage: node --import tsx bench/measure-item-sizes.ts [--data DIR] [--quarter 2018Q4] [--json]

Scores a dataset (default data/sample-county) in memory and measures, the way DynamoDB bills
them (UTF-8 bytes, src/adapters/dynamodb/item-size.ts), the items the DynamoDB store writes
for it: compact verdicts per standard (which have no gsi1 entry), households, village tallies and the
verdict digests; write units are rounded up per item (1 KB), as DynamoDB bills them. These are
the figures docs/scale.md computes the cost of a night from.`;

const KB = 1024;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** What gsi1 holds of an item: its keys (the table's and the index's) and the projected attributes. */
function indexEntry(item: Item): Item | null {
  if (item.gsi1pk === undefined) return null;
  const kept = new Set<string>(['pk', 'sk', 'gsi1pk', 'gsi1sk', ...INDEX_ATTRIBUTES]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => kept.has(name)));
}

interface Sizes {
  items: number;
  bytes: number;
  max: number;
  writeUnits: number;
  indexBytes: number;
  indexWriteUnits: number;
}

function add(into: Map<string, Sizes>, name: string, item: Item): void {
  const sizes = into.get(name) ?? { items: 0, bytes: 0, max: 0, writeUnits: 0, indexBytes: 0, indexWriteUnits: 0 };
  const bytes = itemSize(item);
  const entry = indexEntry(item);
  const indexBytes = entry ? itemSize(entry) : 0;
  into.set(name, {
    items: sizes.items + 1,
    bytes: sizes.bytes + bytes,
    max: Math.max(sizes.max, bytes),
    writeUnits: sizes.writeUnits + Math.ceil(bytes / KB),
    indexBytes: sizes.indexBytes + indexBytes,
    indexWriteUnits: sizes.indexWriteUnits + (entry ? Math.ceil(indexBytes / KB) : 0),
  });
}

const partitionOf = (villageOf: Map<string, string>, v: Verdict) => (v.subjectType === 'county' ? v.subjectId : v.subjectType === 'village' ? v.subjectId : villageOf.get(v.subjectId)!);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: fileURLToPath(new URL('../data/sample-county', import.meta.url)) },
      quarter: { type: 'string', default: '2018Q4' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const quarter = values.quarter;
  const versions = await readRuleSetFolder(fileURLToPath(new URL('../rules', import.meta.url)));
  const context = createScoringContext(ruleSetsInForce(versions, lastDayOfQuarter(quarter)), quarter, EVALUATORS.compiled);
  const dataset = await readDatasetFolder(values.data);
  const { stores } = await openRoot({ store: 'memory' });
  const { output } = await scoreDataset(stores, context, dataset, { runId: 'sizes', now: () => new Date() });

  const villageOf = new Map<string, string>();
  const sizes = new Map<string, Sizes>();
  // The record store adds the SHA-256 of the item's canonical JSON (base64) to every record item.
  const contentHash = createHash('sha256').update('x').digest('base64');
  let households = 0;
  for await (const household of dataset.households) {
    villageOf.set(household.householdId, household.villageId);
    add(sizes, 'household', { ...householdItem(household), contentHash });
    households += 1;
  }
  const texts = new Map<string, VerdictTexts>();
  const textsOf = (v: Verdict) => {
    const key = `${v.ruleSetId}#${v.ruleSetVersion}#${v.year}`;
    if (!texts.has(key)) texts.set(key, verdictTexts(prepareRuleSet(versions.find((r) => r.id === v.ruleSetId && r.version === v.ruleSetVersion)!, v.year)));
    return texts.get(key)!;
  };
  const byPartition = new Map<string, Verdict[]>();
  let verdicts = 0;
  for (const verdict of output.verdicts) {
    const partition = partitionOf(villageOf, verdict);
    (byPartition.get(partition) ?? byPartition.set(partition, []).get(partition)!).push(verdict);
    const item = verdictItem(partition, verdict, textsOf(verdict));
    if (item.data !== undefined) throw new Error(`verdict ${verdict.subjectId} ${verdict.ruleSetId} is not stored compact`);
    add(sizes, 'verdict', item);
    add(sizes, `verdict ${verdict.subjectType === 'household' ? '' : `(${verdict.subjectType}) `}${verdict.ruleSetId}`, item);
    if (verdict.subjectType === 'household') add(sizes, 'verdict (household, every standard)', item);
    verdicts += 1;
  }
  const villages = dataset.villages.length;
  let villageVerdictBytes = 0;
  for (const [partition, list] of byPartition) {
    add(sizes, 'verdict digest', digestItem(partition, context.year, verdictDigest(partition, list)));
    if (!dataset.counties.some((c) => c.countyId === partition)) villageVerdictBytes += list.reduce((sum, v) => sum + itemSize(verdictItem(partition, v, textsOf(v))), 0);
  }
  for (const county of dataset.counties) {
    for (const tally of await stores.runs.listVillageTallies(quarter, county.countyId)) {
      // The labels the tally's versions give are left out, as the store does when it holds those versions.
      const tallyTexts = new Map(Object.keys(tally.versions).map((id) => [id, textsOf({ ruleSetId: id, ruleSetVersion: tally.versions[id]!, year: context.year } as Verdict)]));
      const { header, chunks } = tallyToItems(tally, { texts: tallyTexts });
      for (const item of [header, ...chunks]) add(sizes, 'tally (header and chunks)', item);
      add(sizes, 'tally header', header);
      for (const item of chunks) add(sizes, 'tally part', item);
    }
  }

  const table = Object.fromEntries(
    [...sizes].map(([name, s]) => [
      name,
      {
        items: s.items,
        meanBytes: Math.round(s.bytes / s.items),
        maxBytes: s.max,
        meanWriteUnits: round(s.writeUnits / s.items, 3),
        meanIndexBytes: Math.round(s.indexBytes / s.items),
        meanIndexWriteUnits: round(s.indexWriteUnits / s.items, 3),
      },
    ]),
  );
  const tally = sizes.get('tally (header and chunks)')!;
  const result = {
    data: values.data,
    households,
    villages,
    verdicts,
    verdictsPerHousehold: round((verdicts - villages - dataset.counties.length) / households, 4),
    verdictBytesPerVillageHousehold: round(villageVerdictBytes / households, 1),
    tallyBytesPerHousehold: round(tally.bytes / households, 1),
    tallyWriteUnitsPerVillage: round(tally.writeUnits / villages, 2),
    tallyIndexWriteUnitsPerVillage: round(tally.indexWriteUnits / villages, 2),
    items: table,
  };
  for (const [name, s] of Object.entries(table)) {
    process.stderr.write(`${name.padEnd(40)} ${String(s.items).padStart(6)} items, mean ${s.meanBytes} B (max ${s.maxBytes}), ${s.meanWriteUnits} WCU; gsi1 ${s.meanIndexBytes} B, ${s.meanIndexWriteUnits} WCU\n`);
  }
  process.stdout.write(`${values.json ? JSON.stringify(result) : JSON.stringify(result, null, 2)}\n`);
}

await main();
