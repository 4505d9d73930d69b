import { join } from 'node:path';
import { readRuleSetFolder } from '../../adapters/file/rule-set-files.js';
import { safeParseRuleSet, type RuleSet } from '../../engine/rule-set-schema.js';
import type { Stores } from '../../ports/stores.js';
import { STANDARD_IDS } from '../../standards/standard-ids.js';
import { findStoredRuns } from '../../use-cases/rule-publishing/stored-runs.js';
import { claimedIdentity, defaultCasesFile, optionalQuarter, yearsOption } from './rules-options.js';
import { readJsonIfPresent, readJsonOrFail, type RulesIo } from './rules-io.js';

/** What the gate is told about the store and the repository. */
export interface GateSetting {
  /** The repository's reviewed versions, for standards the store holds none of. */
  readonly reviewed: RuleSet[];
  /** The years of the store's runs and of `--years`. */
  readonly years: number[];
  /** `--quarter`; without it the gate previews the quarter of the latest run in the store. */
  readonly quarter: string | undefined;
}

/** Every version the store holds, of every standard. */
export async function publishedVersions(stores: Stores): Promise<RuleSet[]> {
  return (await Promise.all(STANDARD_IDS.map((id) => stores.ruleSets.listVersions(id)))).flat().map((entry) => entry.ruleSet);
}

/**
 * The years the draft will judge and the preview's quarter, from the runs the store holds
 * (asked for every year a stored, reviewed or draft version can judge) and the options.
 */
export async function gateSetting(stores: Stores, io: RulesIo, values: { years?: unknown; quarter?: unknown }, draft: unknown): Promise<GateSetting> {
  const reviewed = await readRuleSetFolder(join(io.repository, 'rules'));
  const parsedDraft = safeParseRuleSet(draft);
  const runs = await findStoredRuns(stores.runs, [...(await publishedVersions(stores)), ...reviewed, ...(parsedDraft.success ? [parsedDraft.data] : [])]);
  return {
    reviewed,
    years: [...new Set([...runs.years, ...yearsOption(values.years)])].sort((a, b) => a - b),
    quarter: optionalQuarter(values.quarter),
  };
}

/** The cases travelling with a draft: `--cases FILE`, else the repository's file for its id and version, else none. */
export async function draftCases(io: RulesIo, casesOption: unknown, draft: unknown): Promise<unknown> {
  if (casesOption !== undefined) return readJsonOrFail(String(casesOption));
  const claimed = claimedIdentity(draft);
  if (!claimed) return null;
  return (await readJsonIfPresent(defaultCasesFile(io.repository, claimed.id, claimed.version))) ?? null;
}
