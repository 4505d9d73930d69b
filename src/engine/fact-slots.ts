import { PATH_PATTERN } from './condition-schema.js';

export type FactValues = Readonly<Record<string, unknown>>;

const isEnumerableOwn = Object.prototype.propertyIsEnumerable;
const NO_BASE = -1;

/**
 * The values a compiled rule set reads: one slot per distinct fact and per distinct (fact,
 * path), filled once per evaluation so that every leaf reads an array element. Reading follows
 * json-rules-engine exactly:
 * - the reference hands the engine the own enumerable entries of `facts.values`, copied into a
 *   plain object where a `__proto__` entry sets the prototype instead of defining a fact, so a
 *   fact of that name never has a value, and an inherited member (`constructor`) is no fact;
 * - the almanac applies a path only to an object-like value (arrays included) and returns any
 *   other value as it is; each JSONPath-plus step is followed only on a truthy value owning the
 *   property (`resolvePath` in facts.ts is the same reading, without the pre-split steps).
 */
export class FactSlots {
  // Per slot: the fact name (null for a path slot, or for `__proto__`), the slot its path
  // starts from (NO_BASE for a fact slot), and the path's steps. A path slot always comes
  // after its fact's slot, so one pass in slot order fills everything.
  private readonly names: (string | null)[] = [];
  private readonly bases: number[] = [];
  private readonly steps: (readonly string[])[] = [];
  private readonly indexes = new Map<string, number>();

  /** Number of slots: the length of the array `fill` writes. */
  get size(): number {
    return this.names.length;
  }

  /**
   * The slot of a fact read through an optional path, while compiling. Returns undefined for a
   * path that is not a PATH_PATTERN path (only a malformed parameter brings one): the caller refuses it.
   */
  slotOf(fact: string, path: string | undefined): number | undefined {
    const base = this.slot(`fact:${fact}`, fact === '__proto__' ? null : fact, NO_BASE, []);
    if (path === undefined) return base;
    if (typeof path !== 'string' || !PATH_PATTERN.test(path)) return undefined;
    return this.slot(`path:${base}:${path}`, null, base, path.slice(2).split('.'));
  }

  private slot(key: string, name: string | null, base: number, steps: readonly string[]): number {
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.bases.push(base);
      this.steps.push(steps);
      this.indexes.set(key, index);
    }
    return index;
  }

  /** Reads every slot from the fact values into `slots`. */
  fill(values: FactValues, slots: unknown[]): void {
    for (let index = 0; index < this.names.length; index += 1) {
      const base = this.bases[index]!;
      if (base === NO_BASE) {
        const name = this.names[index] ?? null;
        slots[index] = name !== null && isEnumerableOwn.call(values, name) ? values[name] : undefined;
        continue;
      }
      let value = slots[base];
      if (typeof value === 'object' && value !== null) {
        const steps = this.steps[index]!;
        for (let s = 0; s < steps.length; s += 1) {
          const step = steps[s]!;
          value = value && Object.hasOwn(value as object, step) ? (value as Record<string, unknown>)[step] : undefined;
        }
      }
      slots[index] = value;
    }
  }
}
