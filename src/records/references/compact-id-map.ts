/**
 * A map from ids to numbers (a line, a slot) for the ids of a whole province, held in typed
 * arrays: about 40 bytes per id (its UTF-8 bytes, four numbers and a share of the hash table)
 * where a `Map<string, number>` takes about 90 and holds every id string alive. Exact: a hash
 * match is confirmed by comparing the stored bytes. Deleting keeps the id's entry and marks its
 * value absent, so a map never shrinks — it lives for one import or one store.
 */
const encoder = new TextEncoder();

export class CompactIdMap {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 10);
  private lengths = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  private values = new Float64Array(1 << 10);
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
    return Number.isNaN(value) ? undefined : value;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, value: number): this {
    if (Number.isNaN(value)) throw new RangeError('CompactIdMap values are numbers, not NaN');
    let entry = this.find(id);
    if (entry < 0) entry = this.add(this.lastHash);
    if (Number.isNaN(this.values[entry]!)) this.present += 1;
    this.values[entry] = value;
    return this;
  }

  delete(id: string): boolean {
    const entry = this.find(id);
    if (entry < 0 || Number.isNaN(this.values[entry]!)) return false;
    this.values[entry] = Number.NaN;
    this.present -= 1;
    return true;
  }

  /** The entry of `id`, or -1; leaves its bytes in `scratch` and its hash in `lastHash`. */
  private find(id: string): number {
    this.encode(id);
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < this.scratchLength; i += 1) hash = Math.imul(hash ^ this.scratch[i]!, 0x01000193);
    this.lastHash = hash;
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.table[slot]!;
      if (held === 0) return -1;
      const entry = held - 1;
      if (this.hashes[entry] === hash && this.sameBytes(entry)) return entry;
    }
  }

  private encode(id: string): void {
    if (this.scratch.length < id.length * 3) this.scratch = new Uint8Array(id.length * 3);
    this.scratchLength = encoder.encodeInto(id, this.scratch).written;
  }

  private sameBytes(entry: number): boolean {
    if (this.lengths[entry] !== this.scratchLength) return false;
    const start = this.starts[entry]!;
    for (let i = 0; i < this.scratchLength; i += 1) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  /** Appends the id in `scratch` as a new entry (value absent) and returns it. */
  private add(hash: number): number {
    if (this.used + this.scratchLength > this.bytes.length) this.bytes = grown(this.bytes, this.used + this.scratchLength);
    this.bytes.set(this.scratch.subarray(0, this.scratchLength), this.used);
    if (this.entries === this.starts.length) {
      const capacity = this.entries * 2;
      this.starts = grown(this.starts, capacity);
      this.lengths = grown(this.lengths, capacity);
      this.hashes = grown(this.hashes, capacity);
      this.values = grown(this.values, capacity);
    }
    const entry = this.entries;
    this.starts[entry] = this.used;
    this.lengths[entry] = this.scratchLength;
    this.hashes[entry] = hash;
    this.values[entry] = Number.NaN;
    this.used += this.scratchLength;
    this.entries += 1;
    if (this.entries * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(entry);
    return entry;
  }

  private place(entry: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[entry]! & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = entry + 1;
  }

  private rehash(capacity: number): void {
    this.table = new Int32Array(capacity);
    for (let entry = 0; entry < this.entries; entry += 1) this.place(entry);
  }
}

/** A copy of `array` with room for at least `atLeast` elements, doubling its length. */
export function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, atLeast: number): T {
  let capacity = array.length * 2;
  while (capacity < atLeast) capacity *= 2;
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}
