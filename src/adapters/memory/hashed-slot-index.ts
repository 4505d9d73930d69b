import { arrayOf, grown } from '../../kernel/growable-arrays.js';

const EMPTY = 0;
const REMOVED = -1;

/** FNV-1a over the id's UTF-16 code units: no encoding on the way in. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * Id → slot for records that are kept elsewhere and can be read back by slot (the household
 * spill file): per slot only its id's 32-bit hash, and an open-addressing table of slots. The
 * ids themselves are not held: a slot whose hash matches is confirmed by reading its id back
 * (`idOf`), which for a new id happens only on a 32-bit collision in its probe — about 12
 * bytes a household at 1M where a map holding the ids took 40 (their UTF-8 bytes, where they
 * start, the table), and none of it on the heap.
 */
export class HashedSlotIndex {
  /** The hash of the id at each slot. */
  private hashes = new Int32Array(1 << 10);
  /** Open addressing: `EMPTY`, `REMOVED`, or the slot plus one. Live and removed entries keep it at most half full. */
  private table = new Int32Array(1 << 11);
  private filled = 0;

  constructor(private readonly idOf: (slot: number) => string) {}

  get(id: string): number | undefined {
    const index = this.find(id, hashOf(id));
    return index < 0 ? undefined : this.table[index]! - 1;
  }

  /** Points `id` at `slot`, a slot no other id holds; an id already present moves to it. */
  set(id: string, slot: number): void {
    const hash = hashOf(id);
    const present = this.find(id, hash);
    if (slot >= this.hashes.length) this.hashes = grown(this.hashes, slot + 1);
    this.hashes[slot] = hash;
    if (present >= 0) {
      this.table[present] = slot + 1;
      return;
    }
    if ((this.filled + 1) * 2 > this.table.length) this.rehash();
    const mask = this.table.length - 1;
    let index = hash & mask;
    while (this.table[index]! > EMPTY) index = (index + 1) & mask;
    if (this.table[index] === EMPTY) this.filled += 1;
    this.table[index] = slot + 1;
  }

  delete(id: string): boolean {
    const index = this.find(id, hashOf(id));
    if (index < 0) return false;
    this.table[index] = REMOVED;
    return true;
  }

  /** The table index holding `id`, or -1; an entry is read back only when its hash matches. */
  private find(id: string, hash: number): number {
    const mask = this.table.length - 1;
    for (let index = hash & mask; ; index = (index + 1) & mask) {
      const held = this.table[index]!;
      if (held === EMPTY) return -1;
      if (held > EMPTY && this.hashes[held - 1] === hash && this.idOf(held - 1) === id) return index;
    }
  }

  /**
   * Room for the live entries at most three-eighths full, removed ones dropped; hashes are
   * stored, so no id is read. Three-eighths, not a quarter: a table rebuilt at half full doubles,
   * where a quarter made it quadruple (16 MB at a million households, of which 12 stayed empty).
   * The live entries are moved straight from the old table: a filtered copy of it was one more
   * province-sized array to free.
   */
  private rehash(): void {
    const old = this.table;
    let live = 0;
    for (const held of old) if (held > EMPTY) live += 1;
    let capacity = old.length;
    while (live * 8 > capacity * 3) capacity *= 2;
    this.table = arrayOf(Int32Array, capacity);
    this.filled = live;
    const mask = capacity - 1;
    for (const held of old) {
      if (held <= EMPTY) continue;
      let index = this.hashes[held - 1]! & mask;
      while (this.table[index] !== EMPTY) index = (index + 1) & mask;
      this.table[index] = held;
    }
  }
}
