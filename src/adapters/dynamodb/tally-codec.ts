import type { HouseholdExitSummary } from '../../standards/accountability/accountability-input.js';
import type { VillageTally } from '../../ports/run-store.js';
import { StoreReadError } from './store-errors.js';

/*
 * A tally's household summaries as one string of short lines, a few bytes a household where
 * a DynamoDB map of the same summary is 120–280 B (every member name and value is billed).
 * The common summary — an id that starts with its village's id, a known status, a year or
 * none, and an outcome per household-exit item in a list most households share — is one line:
 *
 *     <id past the village id> TAB <status letter><year> TAB [<list index>]<outcome letter><item letters>
 *
 * e.g. `-0001\tp2018\tpppfpupp`; an empty third field is `exit: null`, and the list index is
 * left out for the first list. Any other summary (another village's id, an unknown status or
 * outcome, another key order, a missing `exit`) is its JSON on its line, which starts with `{`:
 * every line reads back to exactly the summary written, key order included.
 */

/** The stored summaries: the item-id lists the lines refer to, and the lines, one a household. */
export interface PackedSummaries {
  readonly k: readonly (readonly string[])[];
  readonly s: string;
}

const STATUS_LETTERS: Readonly<Record<string, string>> = { poor: 'p', returned: 'r', exited: 'e', applicant: 'a', 'non-poor': 'n' };
const OUTCOME_LETTERS: Readonly<Record<string, string>> = { pass: 'p', fail: 'f', unknown: 'u' };
const invert = (letters: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(letters).map(([word, letter]) => [letter, word]));
const STATUSES = invert(STATUS_LETTERS);
const OUTCOMES = invert(OUTCOME_LETTERS);
const own = (map: Readonly<Record<string, string>>, key: string) => (Object.hasOwn(map, key) ? map[key] : undefined);

/** The short line of a summary, or null when it has no short line (it is then kept as JSON). */
function shortLine(summary: HouseholdExitSummary, villageId: string, listIndex: (ids: readonly string[]) => number): string | null {
  const { householdId, status, plannedExitYear, exit } = summary;
  if (summary.villageId !== villageId || typeof householdId !== 'string' || !householdId.startsWith(villageId)) return null;
  const rest = householdId.slice(villageId.length);
  if (rest.startsWith('{') || /[\t\n]/.test(rest)) return null;
  const statusLetter = own(STATUS_LETTERS, status);
  if (statusLetter === undefined) return null;
  if (plannedExitYear !== null && !(Number.isSafeInteger(plannedExitYear) && plannedExitYear >= 0)) return null;
  let exitText = '';
  if (exit !== null) {
    if (typeof exit !== 'object' || exit === undefined || typeof exit.items !== 'object' || exit.items === null) return null;
    const outcome = own(OUTCOME_LETTERS, exit.outcome);
    const letters = Object.values(exit.items).map((value) => own(OUTCOME_LETTERS, value));
    if (outcome === undefined || letters.some((letter) => letter === undefined)) return null;
    const index = listIndex(Object.keys(exit.items));
    exitText = `${index === 0 ? '' : index}${outcome}${letters.join('')}`;
  }
  return `${rest}\t${statusLetter}${plannedExitYear ?? ''}\t${exitText}`;
}

function readLine(line: string, villageId: string, lists: PackedSummaries['k']): HouseholdExitSummary {
  if (line.startsWith('{')) return JSON.parse(line) as HouseholdExitSummary;
  const [rest, statusText, exitText, extra] = line.split('\t');
  const status = STATUSES[statusText?.[0] ?? ''];
  const exitMatch = /^(\d*)([a-z])([a-z]*)$/.exec(exitText ?? '');
  if (rest === undefined || status === undefined || extra !== undefined || (exitText !== '' && !exitMatch)) throw new StoreReadError(`a stored tally of village ${villageId} has an unreadable household line`);
  const year = statusText!.slice(1);
  let exit: HouseholdExitSummary['exit'] = null;
  if (exitMatch) {
    const ids = lists[Number(exitMatch[1] || 0)];
    const letters = [...exitMatch[3]!];
    const outcome = OUTCOMES[exitMatch[2]!];
    if (ids === undefined || ids.length !== letters.length || outcome === undefined || letters.some((l) => OUTCOMES[l] === undefined)) {
      throw new StoreReadError(`a stored tally of village ${villageId} has a household line that does not match its item list`);
    }
    exit = { outcome: outcome as 'pass', items: Object.fromEntries(ids.map((id, i) => [id, OUTCOMES[letters[i]!]])) as Record<string, 'pass'> };
  }
  return { householdId: `${villageId}${rest}`, villageId, status: status as HouseholdExitSummary['status'], plannedExitYear: year === '' ? null : Number(year), exit };
}

/** The summaries as lines, in their order; each line reads back to exactly its summary (checked, else JSON). */
export function packSummaries(villageId: string, summaries: readonly HouseholdExitSummary[]): PackedSummaries {
  const lists: string[][] = [];
  const known = new Map<string, number>();
  const listIndex = (ids: readonly string[]) => {
    const key = JSON.stringify(ids);
    if (!known.has(key)) known.set(key, lists.push([...ids]) - 1);
    return known.get(key)!;
  };
  const lines = summaries.map((summary) => {
    const line = shortLine(summary, villageId, listIndex);
    if (line !== null && JSON.stringify(readLine(line, villageId, lists)) === JSON.stringify(summary)) return line;
    return JSON.stringify(summary);
  });
  return { k: lists, s: lines.join('\n') };
}

/** The summaries a `packSummaries` wrote, in order. */
export function unpackSummaries(villageId: string, packed: PackedSummaries): HouseholdExitSummary[] {
  if (packed.s === '') return [];
  return packed.s.split('\n').map((line) => readLine(line, villageId, packed.k));
}

/** Where the summaries stand in the figures' JSON, so the restored tally keeps the key order written. */
const SUMMARIES_PLACE = 0;

/** The tally without its summaries, as JSON text: a string keeps the key order, which a DynamoDB map does not promise. */
export function packFigures(tally: VillageTally, overview: unknown): string {
  const figures: Record<string, unknown> = { ...tally, summaries: SUMMARIES_PLACE };
  if (figures.overview !== undefined) figures.overview = overview;
  return JSON.stringify(figures);
}

/** The tally's fields from `packFigures`' text, the summaries put back in their place. */
export function unpackFigures(text: string): Omit<VillageTally, 'summaries'> & { summaries: unknown } {
  return JSON.parse(text) as Omit<VillageTally, 'summaries'> & { summaries: unknown };
}
