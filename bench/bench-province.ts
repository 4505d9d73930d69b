import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeProvince } from './generate-province.js';
import type { ProvinceOptions } from './province-options.js';

/**
 * The folder of a generated province under bench/data/, written on first use and reused after:
 * named by its kind (`province`, or a variant such as `small-villages`), size and seed, so every
 * bench that asks for the same data reads the same files.
 */
export async function benchProvince(options: ProvinceOptions, kind = 'province'): Promise<string> {
  const folder = fileURLToPath(new URL(`./data/${kind}-${options.households}-seed-${options.seed}`, import.meta.url));
  if (!existsSync(join(folder, 'households.jsonl'))) {
    process.stderr.write(`generating ${options.households} households (seed ${options.seed}${kind === 'province' ? '' : `, ${kind}`}) into ${folder}\n`);
    await writeProvince(options, folder);
  }
  return folder;
}
