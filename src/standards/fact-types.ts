// The types of the fact vocabulary: what a fact is, and a standard's catalogue of them
// (each standard's catalogue is in its *-facts.ts file, all of them in fact-catalogues.ts).

/** The type of a fact's value, for the static check of a rule set before it is published. */
export type FactType = 'number' | 'boolean' | 'string' | 'object';

export interface FactDefinition {
  readonly type: FactType;
  /** For object facts: the fields a condition may read through a path, with their types. */
  readonly fields?: Readonly<Record<string, Exclude<FactType, 'object'>>>;
  readonly description: string;
}

/** Every fact a standard computes, by name: the vocabulary its rule sets may use. */
export type FactCatalogue = Readonly<Record<string, FactDefinition>>;
