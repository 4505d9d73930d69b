import type { IncompleteNote } from '../../ports/record-store.js';
import type { Dataset } from '../../records/dataset.js';
import { formatRejectedRow, type RejectedRow } from '../../records/parsing/rejected-row.js';
import { RECORD_KIND_NAMES, RECORD_KINDS, type RecordKind } from '../../records/schemas/record-kinds.js';

/** Rows listed per note: enough to find the fault; the count says how many more there are. */
export const NOTE_ROWS = 20;

/** The longest id a note is kept under: far above any real id, far below the store's key limit. */
const MAX_NOTED_ID = 256;

const KIND_OF_STEM = new Map<string, RecordKind>(RECORD_KIND_NAMES.map((kind) => [RECORD_KINDS[kind].fileStem, kind]));

/** The kind of a rejected row, from its file (`households.csv` → households). */
export function kindOfFile(file: string): RecordKind | null {
  return KIND_OF_STEM.get(file.replace(/\.(jsonl|csv)$/i, '')) ?? null;
}

type NoteKey = string;

class NoteCollector {
  private readonly notes = new Map<NoteKey, { countyId: string; villageId: string | null; kind: RecordKind; rows: RejectedRow[]; rowCount: number }>();

  add(countyId: string, villageId: string | null, kind: RecordKind, row: RejectedRow): void {
    const key = JSON.stringify([countyId, villageId, kind]);
    const note = this.notes.get(key) ?? { countyId, villageId, kind, rows: [], rowCount: 0 };
    this.notes.set(key, note);
    note.rowCount += 1;
    if (note.rows.length < NOTE_ROWS) note.rows.push(row);
  }

  byCounty(): Map<string, IncompleteNote[]> {
    const result = new Map<string, IncompleteNote[]>();
    for (const note of this.notes.values()) result.set(note.countyId, [...(result.get(note.countyId) ?? []), note]);
    return result;
  }
}

/**
 * Attributes each rejected row of a dataset to what it leaves incomplete, as far as the row
 * could be read: a household row to its village (an accepted one, or a rejected village row
 * that named its county); a village row to itself; a county, township or unit row to its
 * county. A row that cannot be placed — a household with no readable village, a card — could
 * belong to any county of the dataset, so every county of the dataset gets it county-wide.
 */
export function notesOfDataset(dataset: Dataset): Map<string, IncompleteNote[]> {
  const collector = new NoteCollector();
  const villageCounty = new Map(dataset.villages.map((v) => [v.villageId, v.countyId]));
  const placementOf = (row: RejectedRow) => dataset.placements?.get(row) ?? {};
  for (const row of dataset.rejected) {
    const p = placementOf(row);
    if (kindOfFile(row.file) === 'villages' && row.id !== undefined && p.countyId !== undefined && !villageCounty.has(row.id)) villageCounty.set(row.id, p.countyId);
  }
  const covered = dataset.counties.map((c) => c.countyId);
  // A county id read from a rejected row counts only when it is a county of the dataset (or,
  // for a rejected county row, an id short enough to be one): a rejected row may name
  // anything, and a note is stored under its county.
  const coveredIds = new Set(covered);
  for (const row of dataset.rejected) {
    const kind = kindOfFile(row.file);
    if (kind === null) continue;
    const p = placementOf(row);
    const named = kind === 'counties' ? row.id : p.countyId;
    const plausible = named !== undefined && (coveredIds.has(named) || (kind === 'counties' && named.length <= MAX_NOTED_ID));
    const countyId = plausible ? named : undefined;
    if (kind === 'households' && p.villageId !== undefined && villageCounty.has(p.villageId)) {
      collector.add(villageCounty.get(p.villageId)!, p.villageId, kind, row);
    } else if (kind === 'villages' && countyId !== undefined) {
      collector.add(countyId, row.id ?? null, kind, row);
    } else if (kind !== 'households' && kind !== 'cardHistory' && countyId !== undefined) {
      collector.add(countyId, null, kind, row);
    } else {
      for (const id of covered) collector.add(id, null, kind, row);
    }
  }
  return collector.byCounty();
}

/**
 * An upsert's notes for a county: the stored ones, except those of the villages the upsert
 * delivered again (their correction replaces them), plus the upsert's own.
 */
export function upsertNotes(stored: readonly IncompleteNote[], fresh: readonly IncompleteNote[], delivered: ReadonlySet<string>): IncompleteNote[] {
  const kept = stored.filter((n) => n.villageId === null || !delivered.has(n.villageId));
  const merged = new Map(kept.map((n) => [JSON.stringify([n.villageId, n.kind]), n]));
  for (const note of fresh) {
    const key = JSON.stringify([note.villageId, note.kind]);
    const before = merged.get(key);
    if (!before) {
      merged.set(key, note);
      continue;
    }
    // The same upsert run twice delivers the same rows: count them once.
    const seen = new Set(before.rows.map((r) => `${r.file}:${r.line}`));
    const added = note.rows.filter((r) => !seen.has(`${r.file}:${r.line}`));
    const rowCount = before.rowCount + note.rowCount - (note.rows.length - added.length);
    merged.set(key, { ...note, rows: [...before.rows, ...added].slice(0, NOTE_ROWS), rowCount });
  }
  return [...merged.values()];
}

/** The rejected rows a county's notes record, each row counted once (listed rows by file and line). */
export function rejectedRowCount(notes: readonly IncompleteNote[]): number {
  const listed = new Set(notes.flatMap((n) => n.rows.map((r) => `${r.file}:${r.line}`)));
  return listed.size + notes.reduce((sum, n) => sum + n.rowCount - n.rows.length, 0);
}

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
