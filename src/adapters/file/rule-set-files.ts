import { readdir, readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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

/**
 * The scenario cases reviewed with a version of the repository's rule sets:
 * `test/scenarios/<id>/v<N>.cases.json` beside the rules folder (followed through the built
 * CLI's link to it), as JSON; null when the repository has none. Seeding stores them with the
 * version, so a draft starts with the cases of the version in force.
 */
export async function readReviewedCases(rulesFolder: string, id: string, version: number): Promise<unknown> {
  const repository = dirname(await realpath(rulesFolder));
  const text = await readFile(join(repository, 'test', 'scenarios', id, `v${version}.cases.json`), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return text === null ? null : (JSON.parse(text) as unknown);
}
