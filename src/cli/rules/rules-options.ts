import { join } from 'node:path';
import { QuarterSchema } from '../../engine/quarter.js';
import { UsageError } from '../options/command-line.js';
import { LANG_OPTION, langHelp, langOption, PROGRESS_OPTION, progressHelp, progressOption } from '../options/run-options.js';

/** The options of the commands that run the gate on a store. */
export const PREVIEW_OPTIONS = {
  quarter: { type: 'string' },
  years: { type: 'string' },
  json: { type: 'boolean', default: false },
  ...PROGRESS_OPTION,
  ...LANG_OPTION,
} as const;

/** The same, with the draft's scenario cases. */
export const GATE_OPTIONS = { cases: { type: 'string' }, ...PREVIEW_OPTIONS } as const;

export const CASES_HELP = `  --cases FILE      the draft's scenario cases (default test/scenarios/<id>/v<N>.cases.json
                    of this repository, when it exists)`;

export const PREVIEW_HELP = `  --quarter Q       the quarter of the impact preview, like 2018Q3 (default: the quarter of
                    the latest run in the store, else the draft's effectiveFrom year, Q4)
  --years LIST      more assessment years every year table must cover, like 2018,2019 (the
                    years of the store's runs and the draft's effectiveFrom year always are)
  --json            print the report as JSON
${progressHelp()}
${langHelp()}`;

export const GATE_HELP = `${CASES_HELP}\n${PREVIEW_HELP}`;

/** The one positional argument a sub-command takes (a file or a rule-set id). */
export function onePositional(positionals: readonly string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`give exactly one ${what}${positionals.length > 1 ? `, got ${positionals.join(' ')}` : ''}`);
  return positionals[0]!;
}

/** `--years 2018,2019`. */
export function yearsOption(value: unknown): number[] {
  if (value === undefined) return [];
  const parts = String(value).split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d{4}$/.test(part))) throw new UsageError(`--years must list years like 2018,2019, got ${JSON.stringify(value)}`);
  return parts.map(Number);
}

/** `--quarter`, optional. */
export function optionalQuarter(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!QuarterSchema.safeParse(value).success) throw new UsageError(`--quarter must look like 2018Q4, got ${JSON.stringify(value)}`);
  return String(value);
}

/** `--version N` / `--to N`: a positive whole number. */
export function versionOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--${name} must be a version number like 2, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Where the scenario cases of a version live in the repository. */
export function defaultCasesFile(repository: string, id: string, version: number): string {
  return join(repository, 'test', 'scenarios', id, `v${version}.cases.json`);
}

/** The id and version a draft document claims, before it is checked. */
export function claimedIdentity(document: unknown): { id: string; version: number } | null {
  if (typeof document !== 'object' || document === null) return null;
  const { id, version } = document as { id?: unknown; version?: unknown };
  return typeof id === 'string' && /^[a-z][a-z0-9-]*$/.test(id) && typeof version === 'number' && Number.isInteger(version) && version > 0 ? { id, version } : null;
}

/** The impact preview's progress line (counties judged), as `--progress` and the terminal say. */
export function previewProgress(values: { progress?: string | boolean | undefined; lang?: string | boolean | undefined }): (countiesDone: number, countiesTotal: number) => void {
  return progressOption(values, langOption(values))('preview');
}
