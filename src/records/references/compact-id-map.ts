import { arrayOf, grown } from '../../kernel/growable-arrays.js';

/**
 * A map from ids to whole numbers (a line, a slot) for the ids of a whole province, held in
 * typed arrays: per id its UTF-8 bytes, where they start and its value (eight bytes), and a
 * share of the hash table (four to eight), where a `Map<string, number>` takes about 90 bytes
 * and holds every id string alive. An id's bytes end where the next id's start, and its hash is
 * computed again when the table grows, so neither is stored. Exact: a slot is confirmed by
 * comparing the stored bytes. Deleting keeps the id's entry and marks its value absent, so a
 * map never shrinks — it lives for one import or one store.
 */
const encoder = new TextEncoder();
const ABSENT = -1;
const MAX_VALUE = 0x7fffffff;

function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash;
}

export class CompactIdMap {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 10);
  private values = new Int32Array(1 << 10);
  private entries = 0;
  private present = 0;
  /** Open addressing: 0 is empty, otherwise the entry's index plus one. Kept at most half full. */
  private table = new Int32Array(1 << 11);
  private scratch = new Uint8Array(256);
  private scratchLength = 0;
  private lastHash = 0;

  /** How many ids have a value. */
  get size(): number {
    return this.present;
  }

  get(id: string): number | undefined {
    const entry = this.find(id);
    if (entry < 0) return undefined;
    const value = this.values[entry]!;
    return value === ABSENT ? undefined : value;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Values are whole numbers from 0 to 2^31 − 1: lines and slots. */
  set(id: string, value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > MAX_VALUE) throw new RangeError(`CompactIdMap values are whole numbers from 0 to ${MAX_VALUE}, not ${value}`);
    let entry = this.find(id);
    if (entry < 0) entry = this.add();
    if (this.values[entry] === ABSENT) this.present += 1;
    this.values[entry] = value;
    return this;
  }

  delete(id: string): boolean {
    const entry = this.find(id);
    if (entry < 0 || this.values[entry] === ABSENT) return false;
    this.values[entry] = ABSENT;
    this.present -= 1;
    return true;
  }

  /** The entry of `id`, or -1; leaves its bytes in `scratch` and its hash in `lastHash`. */
  private find(id: string): number {
    this.encode(id);
    const hash = hashOf(this.scratch, 0, this.scratchLength);
    this.lastHash = hash;
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.table[slot]!;
      if (held === 0) return -1;
      if (this.sameBytes(held - 1)) return held - 1;
    }
  }

  private encode(id: string): void {
    if (this.scratch.length < id.length * 3) this.scratch = new Uint8Array(id.length * 3);
    this.scratchLength = encoder.encodeInto(id, this.scratch).written;
  }

  private end(entry: number): number {
    return entry + 1 < this.entries ? this.starts[entry + 1]! : this.used;
  }

  private sameBytes(entry: number): boolean {
    const start = this.starts[entry]!;
    if (this.end(entry) - start !== this.scratchLength) return false;
    for (let i = 0; i < this.scratchLength; i += 1) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  /** Appends the id in `scratch` (hashed to `lastHash`) as a new entry, value absent, and returns it. */
  private add(): number {
    const hash = this.lastHash;
    if (this.used + this.scratchLength > this.bytes.length) this.bytes = grown(this.bytes, this.used + this.scratchLength);
    this.bytes.set(this.scratch.subarray(0, this.scratchLength), this.used);
    if (this.entries === this.starts.length) {
      this.starts = grown(this.starts, this.entries + 1);
      this.values = grown(this.values, this.entries + 1);
    }
    const entry = this.entries;
    this.starts[entry] = this.used;
    this.values[entry] = ABSENT;
    this.used += this.scratchLength;
    this.entries += 1;
    if (this.entries * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(entry, hash);
    return entry;
  }

  private place(entry: number, hash: number): void {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = entry + 1;
  }

  private rehash(capacity: number): void {
    this.table = arrayOf(Int32Array, capacity);
    for (let entry = 0; entry < this.entries; entry += 1) this.place(entry, hashOf(this.bytes, this.starts[entry]!, this.end(entry)));
  }
}
