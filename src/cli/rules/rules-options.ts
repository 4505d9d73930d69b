import { join } from 'node:path';
import { UsageError } from '../options/command-line.js';
import { LANG_OPTION, langOption, PROGRESS_OPTION, progressOption } from '../options/run-options.js';
import { isQuarterText } from '../../kernel/quarter.js';

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

/** The one positional argument a sub-command takes (a file or a rule-set id). */
export function onePositional(positionals: readonly string[], what: 'usage.oneFile' | 'usage.oneId'): string {
  if (positionals.length > 1) throw new UsageError(what, {}, { got: ['usage.got', { given: positionals.join(' ') }] });
  if (positionals.length === 0) throw new UsageError(what, { got: '' });
  return positionals[0]!;
}

/** `--years 2018,2019`. */
export function yearsOption(value: unknown): number[] {
  if (value === undefined) return [];
  const parts = String(value).split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d{4}$/.test(part))) throw new UsageError('usage.years', { value: JSON.stringify(value) });
  return parts.map(Number);
}

/** `--quarter`, optional. */
export function optionalQuarter(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!(typeof value === 'string' && isQuarterText(value))) throw new UsageError('usage.quarter', { value: JSON.stringify(value) });
  return String(value);
}

/** `--version N` / `--to N`: a positive whole number. */
export function versionOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError('usage.version', { name, value: JSON.stringify(text) });
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
