import type { Household } from '../../records/records.js';
import { SpillFile } from '../file/spill-file.js';
import { CompactIdMap } from '../../records/references/compact-id-map.js';

/**
 * The households of the memory record store, kept in a spill file: in memory only the id, where
 * its line sits, and each village's list of lines. A province's households are read from their
 * file once and never all held at once; a village's are read back when it is scored (they were
 * written together, so that is one read).
 */
export class HouseholdSpill {
  /** Household id → slot; a slot's line is `offsets[slot]`, `lengths[slot]` bytes long. */
  private readonly slots = new CompactIdMap();
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  /** Village id → the slots of its households. */
  private readonly byVillage = new Map<string, number[]>();

  constructor(private readonly spill: SpillFile) {}

  /** Upserts by id: a household already held leaves its old village's list. */
  put(records: readonly Household[]): void {
    const lines = records.map((r) => `${JSON.stringify(r)}\n`);
    let offset = this.spill.append(lines.join('')).offset;
    records.forEach((record, index) => {
      const length = Buffer.byteLength(lines[index]!, 'utf8');
      this.remove(record.householdId);
      const slot = this.offsets.length;
      this.offsets.push(offset);
      this.lengths.push(length);
      offset += length;
      this.slots.set(record.householdId, slot);
      let village = this.byVillage.get(record.villageId);
      if (!village) this.byVillage.set(record.villageId, (village = []));
      village.push(slot);
    });
  }

  /** Forgets a household; unknown ids are ignored. */
  remove(householdId: string): void {
    const slot = this.slots.get(householdId);
    if (slot === undefined) return;
    const { villageId } = this.read([slot])[0]!;
    const village = this.byVillage.get(villageId);
    if (village) {
      const at = village.indexOf(slot);
      if (at !== -1) village.splice(at, 1);
      if (village.length === 0) this.byVillage.delete(villageId);
    }
    this.slots.delete(householdId);
  }

  get(householdId: string): Household | null {
    const slot = this.slots.get(householdId);
    return slot === undefined ? null : this.read([slot])[0]!;
  }

  /** The village's households, in the order they were put. */
  ofVillage(villageId: string): Household[] {
    return this.read(this.byVillage.get(villageId) ?? []);
  }

  /** Reads slots, lines that follow each other in the file in one read. */
  private read(slots: readonly number[]): Household[] {
    const records: Household[] = [];
    for (let start = 0; start < slots.length; ) {
      let end = start + 1;
      let length = this.lengths[slots[start]!]!;
      while (end < slots.length && this.offsets[slots[end]!] === this.offsets[slots[end - 1]!]! + this.lengths[slots[end - 1]!]!) {
        length += this.lengths[slots[end]!]!;
        end += 1;
      }
      const text = this.spill.read({ offset: this.offsets[slots[start]!]!, length });
      let from = 0;
      for (let to = text.indexOf('\n'); to !== -1; from = to + 1, to = text.indexOf('\n', from)) records.push(JSON.parse(text.slice(from, to)) as Household);
      start = end;
    }
    return records;
  }
}
