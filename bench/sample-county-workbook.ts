import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetWorkbook } from '../src/adapters/file/write-dataset-workbook.js';
import { RECORD_KINDS, RECORD_KIND_NAMES, type RecordKind } from '../src/records/schemas/record-kinds.js';

/**
 * Rebuilds `data/sample-county-xlsx/dataset.xlsx` from `data/sample-county`: the same county as
 * the workbook a clerk keeps, sheets, headers and values in Chinese. Scoring either gives
 * byte-identical outputs (test/unit/cli/sample-workbook.test.ts).
 *
 *   node --import tsx bench/sample-county-workbook.ts
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'data/sample-county');
const target = join(root, 'data/sample-county-xlsx/dataset.xlsx');

async function rows(kind: RecordKind): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(source, `${RECORD_KINDS[kind].fileStem}.jsonl`), 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

const records = Object.fromEntries(await Promise.all(RECORD_KIND_NAMES.map(async (kind) => [kind, await rows(kind)] as const)));
await datasetWorkbook(records).xlsx.writeFile(target);
console.log(`wrote ${target}`);
