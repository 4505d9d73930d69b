import { ParameterMissingError, RuleSetYearMissingError } from './errors.js';
import type { RuleSet } from './rule-set-schema.js';

export type Region = 'west' | 'central' | 'east';

function isByYear(value: unknown): value is { byYear: Record<string, number> } {
  return typeof value === 'object' && value !== null && 'byYear' in value;
}

function isByRegion(value: unknown): value is { byRegion: Record<Region, number> } {
  return typeof value === 'object' && value !== null && 'byRegion' in value;
}

/**
 * Reads a rule set's parameters for one assessment year. Year-keyed tables resolve to that
 * year's value; a missing year throws, because a silent default would judge against the wrong line.
 */
export class ParameterReader {
  constructor(
    readonly ruleSet: RuleSet,
    readonly year: number,
  ) {}

  has(name: string): boolean {
    return Object.hasOwn(this.ruleSet.parameters, name);
  }

  /** The parameter's value for the year (tables keyed by region come back whole). */
  value(name: string): unknown {
    if (!this.has(name)) throw new ParameterMissingError(this.ruleSet.id, name);
    const raw = this.ruleSet.parameters[name];
    if (isByYear(raw)) {
      const found = raw.byYear[String(this.year)];
      if (found === undefined) throw new RuleSetYearMissingError(this.ruleSet.id, name, this.year);
      return found;
    }
    return raw;
  }

  number(name: string): number {
    const value = this.value(name);
    if (typeof value !== 'number') throw new ParameterMissingError(this.ruleSet.id, `${name} (a number)`);
    return value;
  }

  /** A region-keyed number, or null when the region is unknown (the item becomes `unknown`). */
  forRegion(name: string, region: Region | null | undefined): number | null {
    const raw = this.value(name);
    if (!isByRegion(raw)) throw new ParameterMissingError(this.ruleSet.id, `${name} (a byRegion table)`);
    return region ? raw.byRegion[region] : null;
  }

  /** A nested parameter object, read by the standard's own parser. */
  object(name: string): unknown {
    return this.value(name);
  }
}

/** The names of every year-keyed table, for the static check that the data's years are covered. */
export function yearTables(ruleSet: RuleSet): { name: string; years: number[] }[] {
  return Object.entries(ruleSet.parameters)
    .filter(([, value]) => isByYear(value))
    .map(([name, value]) => ({ name, years: Object.keys((value as { byYear: object }).byYear).map(Number) }));
}
