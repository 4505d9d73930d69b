import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDatasetFolder } from '../../../../src/adapters/file/read-dataset-folder.js';
import type { Dataset } from '../../../../src/records/dataset.js';
import { EVALUATORS } from '../../../../src/engine/evaluators.js';
import type { Stores } from '../../../../src/ports/stores.js';
import { seedRuleSets } from '../../../../src/use-cases/seed-rule-sets.js';
import type { GateInput } from '../../../../src/use-cases/rule-publishing/run-publish-gate.js';
import { scoreDataset, type ScoredDataset } from '../../../../src/use-cases/scoring/score-dataset.js';
import { StoreRuleSetSource } from '../../../../src/adapters/rule-sets/store-rule-set-source.js';
import { createScoringContext } from '../../../../src/use-cases/scoring-context.js';
import { repositoryRuleSets } from '../../../helpers/repository-rule-sets.js';

/** The broken and valid drafts of test/fixtures/drafts. */
export const DRAFTS_DIR = fileURLToPath(new URL('../../../fixtures/drafts/', import.meta.url));
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../fixtures/example/', import.meta.url));
export const SCENARIOS_DIR = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

/** The fixed clock of these tests. */
export const NOW = new Date('2026-03-01T08:00:00.000Z');

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** A draft of test/fixtures/drafts by name (`unknown-fact`), as the document a file gives. */
export function draft(name: string): Record<string, unknown> {
  return readJson(`${DRAFTS_DIR}${name}.json`) as Record<string, unknown>;
}

/** The cases file travelling with a draft of test/fixtures/drafts. */
export function draftCases(name: string): Record<string, unknown> {
  return readJson(`${DRAFTS_DIR}${name}.cases.json`) as Record<string, unknown>;
}

/** The repository's scenario cases of a version (`test/scenarios/<id>/v<N>.cases.json`). */
export function repositoryCases(id: string, version: number): Record<string, unknown> {
  return readJson(`${SCENARIOS_DIR}${id}/v${version}.cases.json`) as Record<string, unknown>;
}

/** What the gate is asked, with the repository's reviewed versions standing in and the compiled evaluator. */
export async function gateInput(document: unknown, cases: unknown, overrides: Partial<GateInput> = {}): Promise<GateInput> {
  return { document, cases, years: [], evaluator: EVALUATORS.compiled, reviewed: await repositoryRuleSets(), ...overrides };
}

let example: Promise<Dataset> | undefined;

/** The worked example (two counties, 24 villages, 382 households), read once. */
export function exampleDataset(): Promise<Dataset> {
  example ??= readDatasetFolder(EXAMPLE_DIR);
  return example;
}

/** The pipeline for a quarter with the versions the store has in force then: what a nightly run does. */
export async function scoreQuarter(stores: Stores, quarter: string, runId: string): Promise<ScoredDataset> {
  const context = createScoringContext(await new StoreRuleSetSource(stores.ruleSets).inForce(quarter), quarter, EVALUATORS.compiled);
  return scoreDataset(stores, context, await exampleDataset(), { runId, now: () => NOW });
}

/** A store that holds the reviewed versions and the worked example, scored for 2018Q3. */
export async function storeWithExampleRun(stores: Stores): Promise<ScoredDataset> {
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), NOW);
  return scoreQuarter(stores, '2018Q3', 'run-2018Q3-1');
}
