import type { Located } from './located.js';

/**
 * The ids of one kind of record as the reference checks go: those accepted, and those
 * rejected, so a row pointing at a rejected record can say where that record was.
 */
export class IdIndex<T> {
  private readonly accepted = new Map<string, Located<T>>();
  private readonly rejected = new Map<string, Located<T>>();

  constructor(readonly noun: string) {}

  accept(id: string, row: Located<T>): void {
    this.accepted.set(id, row);
  }

  reject(id: string, row: Located<T>): void {
    if (!this.accepted.has(id) && !this.rejected.has(id)) this.rejected.set(id, row);
  }

  get(id: string): Located<T> | undefined {
    return this.accepted.get(id);
  }

  /** Why `id` cannot be referred to, or `null` when it can. */
  problem(id: string): string | null {
    if (this.accepted.has(id)) return null;
    const rejected = this.rejected.get(id);
    if (rejected !== undefined) return `${this.noun} ${JSON.stringify(id)} was rejected (${rejected.file}:${rejected.line})`;
    return `unknown ${this.noun} ${JSON.stringify(id)}`;
  }
}
