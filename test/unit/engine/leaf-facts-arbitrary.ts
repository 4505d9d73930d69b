import fc from 'fast-check';
import type { OperatorName } from '../../../src/engine/condition-schema.js';
import { FactsBuilder, type Facts } from '../../../src/engine/facts.js';
import type { PreparedRuleSet, ResolvedValue } from '../../../src/engine/prepare-rule-set.js';
import { factValue, scalar } from './json-like-arbitraries.js';

/** How one fact (or one field of it) is compared somewhere in the rule set. */
interface Use {
  readonly operator: OperatorName;
  /** The literal it is compared with, or undefined when it is compared with another fact. */
  readonly against: ResolvedValue | undefined;
}

/** A fact, or a field reached by path steps: how it is used itself, and its fields. */
interface Shape {
  readonly uses: Use[];
  readonly fields: Map<string, Shape>;
}

const NUMERIC: ReadonlySet<OperatorName> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

function emptyShape(): Shape {
  return { uses: [], fields: new Map() };
}

function record(shapes: Map<string, Shape>, fact: string, path: string | undefined, use: Use): void {
  let shape = shapes.get(fact) ?? emptyShape();
  shapes.set(fact, shape);
  for (const step of path ? path.slice(2).split('.') : []) {
    const next: Shape = shape.fields.get(step) ?? emptyShape();
    shape.fields.set(step, next);
    shape = next;
  }
  shape.uses.push(use);
}

function isReference(value: ResolvedValue): value is { fact: string; path?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every fact the rule set reads, with the shape its leaves read it in. */
function shapesOf(prepared: PreparedRuleSet): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  for (const item of [...prepared.items, ...prepared.warnings]) {
    for (const leaf of item.leaves) {
      const compared = isReference(leaf.value) ? leaf.value : undefined;
      record(shapes, leaf.fact, leaf.path, { operator: leaf.operator, against: compared ? undefined : leaf.value });
      if (compared) record(shapes, compared.fact, compared.path, { operator: leaf.operator, against: undefined });
    }
  }
  return shapes;
}

/** Numbers near every numeric constant of the rule set, and a spread of others. */
function numbersNear(constants: readonly number[]): fc.Arbitrary<number> {
  const near = constants.flatMap((c) => [c, c - 1, c + 1, c - 0.01, c + 0.01, c * 1.5]);
  return fc.oneof(
    ...(near.length > 0 ? [fc.constantFrom(...near)] : []),
    fc.constantFrom(0, -0, 1, 2),
    fc.integer({ min: -10, max: 40_000 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );
}

/** Values of the right type for the uses: the compared constants, their neighbours, list elements. */
function rightValue(uses: readonly Use[], numbers: fc.Arbitrary<number>): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  for (const { operator, against } of uses) {
    if (NUMERIC.has(operator) || typeof against === 'number') options.push(numbers);
    if (typeof against === 'boolean') options.push(fc.boolean());
    if (typeof against === 'string') options.push(fc.constantFrom(against, `${against}-other`));
    if (Array.isArray(against)) options.push(fc.constantFrom(...against, 'Z'));
    if (operator === 'contains' || operator === 'doesNotContain') options.push(fc.array(fc.constantFrom(against ?? 'a', 'other'), { maxLength: 3 }));
    if (against === undefined && !NUMERIC.has(operator)) options.push(fc.oneof(numbers, fc.boolean(), fc.constantFrom('A', 'B', 'fail', 'pass')));
  }
  return options.length > 0 ? fc.oneof(...options) : factValue;
}

function shapeValue(shape: Shape, numbers: fc.Arbitrary<number>): fc.Arbitrary<unknown> {
  const kinds: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
    { arbitrary: fc.oneof(scalar, factValue), weight: 1 },
  ];
  if (shape.uses.length > 0) kinds.push({ arbitrary: rightValue(shape.uses, numbers), weight: 6 });
  if (shape.fields.size > 0) {
    const fields = Object.fromEntries([...shape.fields].map(([step, field]) => [step, shapeValue(field, numbers)]));
    kinds.push({ arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 8 });
  }
  return fc.oneof(...kinds);
}

/**
 * Fact maps for a rule set, generated from what its leaves read: each fact (and each field
 * its paths reach) gets values of the right type near the compared constants, values of the
 * wrong types, null, and absence. Facts are built with FactsBuilder, as a standard would.
 */
export function leafFactsArbitrary(prepared: PreparedRuleSet): fc.Arbitrary<Facts> {
  const shapes = shapesOf(prepared);
  const constants = [...shapes.values()].flatMap(function numbersOf(shape: Shape): number[] {
    const own = shape.uses.map((u) => u.against).filter((v): v is number => typeof v === 'number');
    return [...own, ...[...shape.fields.values()].flatMap(numbersOf)];
  });
  const numbers = numbersNear([...new Set(constants)]);
  const values = Object.fromEntries([...shapes].map(([fact, shape]) => [fact, shapeValue(shape, numbers)]));
  // Most facts are present in most maps, so that items are often decided.
  const present = fc.record(values, { requiredKeys: Object.keys(values) });
  const sparse = fc.record(values, { requiredKeys: [] });
  return fc.oneof({ arbitrary: present, weight: 4 }, { arbitrary: sparse, weight: 1 }).map((map) => {
    const builder = new FactsBuilder();
    for (const [name, value] of Object.entries(map)) builder.set(name, value);
    return builder.build();
  });
}
