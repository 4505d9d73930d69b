import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RuleSetInvalidError } from '../../engine/errors.js';
import { loadRuleSet } from '../../engine/load-rule-set.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { FACT_CATALOGUES } from '../../standards/fact-catalogues.js';
import { isStandardId } from '../../standards/standard-ids.js';

/** The catalogue of a standard id, for `loadRuleSet`. */
export function catalogueOf(id: string) {
  return isStandardId(id) ? FACT_CATALOGUES[id] : undefined;
}

/** Reads and checks one rule-set file; a file that is not JSON is refused like any invalid rule set. */
export async function readRuleSetFile(file: string): Promise<RuleSet> {
  const text = await readFile(file, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new RuleSetInvalidError(file, [{ path: '(file)', message: `not JSON: ${(cause as Error).message}` }], { cause });
  }
  return loadRuleSet(document, catalogueOf);
}

/** Every `rules/<id>/v<N>.json` below a folder, checked, in id then version order. */
export async function readRuleSetFolder(folder: string): Promise<RuleSet[]> {
  const ruleSets: RuleSet[] = [];
  for (const entry of (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const files = (await readdir(join(folder, entry.name))).filter((name) => /^v\d+\.json$/.test(name));
    files.sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));
    for (const file of files) {
      const ruleSet = await readRuleSetFile(join(folder, entry.name, file));
      if (ruleSet.id !== entry.name || `v${ruleSet.version}.json` !== file) {
        throw new RuleSetInvalidError(ruleSet.id, [{ path: 'id', message: `${entry.name}/${file} holds ${ruleSet.id} version ${ruleSet.version}` }]);
      }
      ruleSets.push(ruleSet);
    }
  }
  return ruleSets;
}
