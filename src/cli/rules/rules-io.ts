import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type OpenedStores, openStores } from '../wiring/open-stores.js';
import { UsageError } from '../options/command-line.js';
import { REVIEWED_RULES_DIR } from '../../composition/composition-root.js';

/** The store options as parsed (`STORE_OPTIONS`). */
export type StoreValues = Parameters<typeof openStores>[0];

/**
 * What the `rules` commands touch outside themselves: where they print, the clock (today's
 * date decides which version is in force), the stores, and the repository (its reviewed
 * `rules/` and its `test/scenarios/`). Tests give their own; the command line uses the defaults.
 */
export interface RulesIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
  readonly openStores: (values: StoreValues) => Promise<OpenedStores>;
  /** The repository root: `rules/` and `test/scenarios/` are below it. */
  readonly repository: string;
}

/** Standard output and error, the system clock, the stores of the options, this checkout. */
export function defaultRulesIo(): RulesIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    now: () => new Date(),
    openStores,
    repository: dirname(REVIEWED_RULES_DIR),
  };
}

/** A JSON file as a value; a missing file is a usage error, a file that is not JSON is reported as such. */
export async function readJsonFile(file: string): Promise<{ ok: true; value: unknown } | { ok: false; message: string; detail: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError('usage.cannotRead', { file, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${file} is not JSON: ${(error as Error).message}`, detail: (error as Error).message };
  }
}

/** A JSON file that must be JSON (a cases file): anything else is a usage error. */
export async function readJsonOrFail(file: string): Promise<unknown> {
  const read = await readJsonFile(file);
  if (!read.ok) throw new UsageError('usage.notJson', { file, detail: read.detail });
  return read.value;
}

/** The file if it exists, as JSON; `undefined` when there is no such file. */
export async function readJsonIfPresent(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError('usage.cannotRead', { file, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError('usage.notJson', { file, detail: (error as Error).message });
  }
}

/** Opens the stores the options name, runs the work, and closes them whatever happens. */
export async function withRuleStores(io: RulesIo, values: StoreValues, work: (opened: OpenedStores) => Promise<number>): Promise<number> {
  const opened = await io.openStores(values);
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}
