import { householdName, type HouseholdName } from '../../ports/record-store.js';
import type { Household } from '../../records/records.js';
import { SpillFile } from '../file/spill-file.js';
import { grown } from '../../kernel/growable-arrays.js';
import { HashedSlotIndex } from './hashed-slot-index.js';

/** A village's households: the first and last slot of its chain (`next` links the rest). */
interface VillageChain {
  first: number;
  last: number;
}

const END = -1;

/**
 * Each line is the household's names, a short JSON array, a tab, then the record's JSON: JSON
 * never holds a raw tab, so the names (and the id, which the index confirms a slot by) are read
 * without parsing the members and the rest.
 */
const lineOf = (r: Household): string => {
  const { householdId, villageId, headName } = householdName(r);
  return `${JSON.stringify([householdId, villageId, headName])}\t${JSON.stringify(r)}`;
};
/** Reads one part of a line of `bytes`: from `start` to its tab, or from the tab to `end`. */
type LinePart<T> = (bytes: Buffer, start: number, tab: number, end: number) => T;
const recordOf: LinePart<Household> = (bytes, _start, tab, end) => JSON.parse(bytes.toString('utf8', tab + 1, end)) as Household;
const nameOf: LinePart<HouseholdName> = (bytes, start, tab) => {
  const [householdId, villageId, headName] = JSON.parse(bytes.toString('utf8', start, tab)) as [string, string, string | null];
  return { householdId, villageId, headName };
};
const TAB = 0x09;

/**
 * The households of the memory record store, kept in a spill file: in memory only the id's hash,
 * where its line sits, and which household of its village comes next. A province's households
 * are read from their file once and never all held at once; a village's are read back when it
 * is scored (they were written together, so that is one read).
 *
 * The per-household numbers live in typed arrays grown by doubling (16 bytes a household, and
 * about 12 for the id index, `hashed-slot-index.ts`), not in JS arrays of numbers and a list per
 * village, which took about twice that.
 */
export class HouseholdSpill {
  /** Household id → slot; a slot's line is `offsets[slot]`, `lengths[slot]` bytes long. The ids stay in the file. */
  private readonly slots = new HashedSlotIndex((slot) => this.read([slot], nameOf)[0]!.householdId);
  private offsets = new Float64Array(1 << 10);
  private lengths = new Int32Array(1 << 10);
  /** The next slot of the same village, in the order they were put, or `END`. */
  private next = new Int32Array(1 << 10);
  private used = 0;
  private readonly byVillage = new Map<string, VillageChain>();

  constructor(private readonly spill: SpillFile) {}

  /** Upserts by id: a household already held leaves its old village's chain. */
  put(records: readonly Household[]): void {
    const lengths = new Int32Array(records.length);
    let offset = this.spill.appendLineTexts(records.map(lineOf), lengths).offset;
    records.forEach((record, index) => {
      const length = lengths[index]!;
      this.remove(record.householdId);
      const slot = this.slot(offset, length);
      offset += length;
      this.slots.set(record.householdId, slot);
      const village = this.byVillage.get(record.villageId);
      if (village === undefined) this.byVillage.set(record.villageId, { first: slot, last: slot });
      else {
        this.next[village.last] = slot;
        village.last = slot;
      }
    });
  }

  /** Forgets a household; unknown ids are ignored. */
  remove(householdId: string): void {
    const slot = this.slots.get(householdId);
    if (slot === undefined) return;
    const { villageId } = this.read([slot], nameOf)[0]!;
    const village = this.byVillage.get(villageId);
    if (village) this.unlink(villageId, village, slot);
    this.slots.delete(householdId);
  }

  get(householdId: string): Household | null {
    const slot = this.slots.get(householdId);
    return slot === undefined ? null : this.read([slot], recordOf)[0]!;
  }

  /** The village's households, in the order they were put. */
  ofVillage(villageId: string): Household[] {
    return this.read(this.villageSlots(villageId), recordOf);
  }

  /** The names of the village's households, in the order they were put: their records are not parsed. */
  namesOfVillage(villageId: string): HouseholdName[] {
    return this.read(this.villageSlots(villageId), nameOf);
  }

  private villageSlots(villageId: string): number[] {
    const village = this.byVillage.get(villageId);
    const slots: number[] = [];
    if (village) for (let slot = village.first; slot !== END; slot = this.next[slot]!) slots.push(slot);
    return slots;
  }

  private slot(offset: number, length: number): number {
    if (this.used === this.offsets.length) {
      this.offsets = grown(this.offsets, this.used + 1);
      this.lengths = grown(this.lengths, this.used + 1);
      this.next = grown(this.next, this.used + 1);
    }
    const slot = this.used;
    this.offsets[slot] = offset;
    this.lengths[slot] = length;
    this.next[slot] = END;
    this.used += 1;
    return slot;
  }

  /** Takes a slot out of its village's chain (a walk of the village: removals are rare). */
  private unlink(villageId: string, village: VillageChain, slot: number): void {
    if (village.first === slot) {
      if (village.last === slot) this.byVillage.delete(villageId);
      else village.first = this.next[slot]!;
      return;
    }
    for (let before = village.first; before !== END; before = this.next[before]!) {
      if (this.next[before] !== slot) continue;
      this.next[before] = this.next[slot]!;
      if (village.last === slot) village.last = before;
      return;
    }
  }

  /**
   * Reads slots, lines that follow each other in the file in one read, each line's part that
   * `parse` takes. The read goes through the spill file's scratch buffer and is decoded line by
   * line: a village's text as one string (hundreds of kilobytes), or as a Buffer of its own,
   * would be allocated where only a full collection frees it, and a province's villages outran
   * the collector.
   */
  private read<T>(slots: readonly number[], parse: LinePart<T>): T[] {
    const records: T[] = [];
    for (let start = 0; start < slots.length; ) {
      let end = start + 1;
      let length = this.lengths[slots[start]!]!;
      while (end < slots.length && this.offsets[slots[end]!] === this.offsets[slots[end - 1]!]! + this.lengths[slots[end - 1]!]!) {
        length += this.lengths[slots[end]!]!;
        end += 1;
      }
      this.spill.forEachLineOf({ offset: this.offsets[slots[start]!]!, length }, (bytes, from, to) => records.push(parse(bytes, from, bytes.indexOf(TAB, from), to)));
      start = end;
    }
    return records;
  }
}
