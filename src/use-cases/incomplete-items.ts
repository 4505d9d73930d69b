import type { IncompleteNote } from '../ports/record-store.js';
import type { RecordKind } from '../records/schemas/record-kinds.js';
import { formatRejectedRow } from '../records/parsing/rejected-row.js';

/** Lines put in an item's `missing`: enough to find the rows, bounded so a verdict stays small. */
const MAX_LINES = 20;

/**
 * What an `unknown` item lists as missing for rejected rows: one line per row with its file,
 * line, field and reason, then how many more rows each note has beyond the listed ones.
 */
function missingLines(notes: readonly IncompleteNote[]): string[] {
  const lines = new Set<string>();
  for (const note of notes) for (const row of note.rows) lines.add(`数据行被拒 rejected row ${formatRejectedRow(row)}`);
  const listed = [...lines].slice(0, MAX_LINES);
  const more = notes.reduce((sum, n) => sum + n.rowCount, 0) - listed.length;
  if (more > 0) listed.push(`另有 ${more} 行被拒 and ${more} more rejected rows`);
  return listed;
}

const of = (notes: readonly IncompleteNote[], test: (note: IncompleteNote) => boolean) => missingLines(notes.filter(test));
const HOUSEHOLD_SET: readonly RecordKind[] = ['households', 'villages', 'counties'];

/**
 * The rejected rows a village's household-based items need: its households' rows and its own
 * row, and household rows of its county that could not be placed in a village (any village may
 * be missing them). Empty for a complete village.
 */
export function villageRejectedRows(notes: readonly IncompleteNote[], villageId: string): string[] {
  return of(notes, (n) => (n.villageId === villageId && (n.kind === 'households' || n.kind === 'villages')) || (n.villageId === null && n.kind === 'households'));
}

/** The rejected rows a county's items need: households, villages or the county row for the incidence; townships for the township items. */
export function countyRejectedRows(notes: readonly IncompleteNote[]): { readonly incidence: string[]; readonly townships: string[] } {
  return { incidence: of(notes, (n) => HOUSEHOLD_SET.includes(n.kind)), townships: of(notes, (n) => n.kind === 'townships') };
}
