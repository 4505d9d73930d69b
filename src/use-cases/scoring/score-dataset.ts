import type { RunRecord } from '../../ports/run-store.js';
import type { Stores } from '../../ports/stores.js';
import type { Dataset } from '../../records/dataset.js';
import type { Household } from '../../records/records.js';
import { exportRun, type RunExport } from '../export-run.js';
import { importDataset, type ImportMode, type ImportResult } from '../import/import-dataset.js';
import type { ScoringContext } from '../scoring-context.js';
import { runNightly, type NightlyOptions } from '../nightly/run-nightly.js';

export interface ScoredDataset extends RunDataset {
  readonly output: RunExport;
}

export interface RunDataset {
  readonly imported: ImportResult;
  readonly run: RunRecord;
  readonly stageSeconds: Readonly<Record<string, number>>;
}

/**
 * Import → nightly over the dataset's counties only, whatever else the store holds, leaving
 * the export to the caller (the CLI streams it to files).
 */
export async function importAndRun(
  stores: Stores,
  context: ScoringContext,
  dataset: Dataset,
  options: NightlyOptions,
  households: Iterable<Household> | AsyncIterable<Household> = dataset.households,
  mode: ImportMode = 'snapshot',
): Promise<RunDataset> {
  const { now } = options;
  const stage = now();
  const imported = await importDataset(stores, dataset, households, mode);
  const importSeconds = (now().getTime() - stage.getTime()) / 1000;
  const countyIds = dataset.counties.map((c) => c.countyId);
  const run = await runNightly(stores, context, { ...options, countyIds });
  return { imported, run, stageSeconds: { import: importSeconds, ...run.stageSeconds } };
}

/**
 * `tuopin score`: import → nightly → export through whichever stores are given, so the
 * in-memory path and the DynamoDB path are one pipeline. The run and the output cover the
 * dataset's counties only, whatever else the store holds.
 */
export async function scoreDataset(
  stores: Stores,
  context: ScoringContext,
  dataset: Dataset,
  options: NightlyOptions,
  households: Iterable<Household> | AsyncIterable<Household> = dataset.households,
  mode: ImportMode = 'snapshot',
): Promise<ScoredDataset> {
  const { now } = options;
  const { imported, run, stageSeconds } = await importAndRun(stores, context, dataset, options, households, mode);
  const stage = now();
  const output = await exportRun(stores, context.quarter, context.year, dataset.counties.map((c) => c.countyId));
  const exportSeconds = (now().getTime() - stage.getTime()) / 1000;
  return { imported, run, output, stageSeconds: { ...stageSeconds, export: exportSeconds } };
}
