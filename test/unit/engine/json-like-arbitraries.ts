import fc from 'fast-check';

/** Path steps: ordinary names, and names JSONPath-plus must not read from a prototype. */
export const STEPS = ['x', 'y', 'length', 'constructor', 'toString', 'valueOf', '__proto__'] as const;

/** A PATH_PATTERN path of one to three steps. */
export const path = fc.array(fc.constantFrom(...STEPS), { minLength: 1, maxLength: 3 }).map((steps) => `$.${steps.join('.')}`);

/** Numbers (with -0, NaN, infinities), numeric-looking and other strings, booleans, null, undefined. */
export const scalar = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, 3, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e21),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.constantFrom('', 'a', 'b', 'abc', '1', '2', '12abc', ' 2', 'Infinity', 'NaN', '[object Object]'),
  fc.boolean(),
  fc.constantFrom(null, undefined),
);

// Object keys are mostly the path steps; `toString`/`valueOf` as data are rare because they
// make every coercion of the object throw, which rejects the whole run on both paths.
const key = fc.oneof(
  { arbitrary: fc.constantFrom('x', 'y', 'length', 'constructor', '__proto__'), weight: 20 },
  { arbitrary: fc.constantFrom('toString', 'valueOf'), weight: 1 },
);

/** Anything JSON.parse gives (plus NaN, infinities and undefined), nested up to depth 3. */
export const { factValue } = fc.letrec<{ factValue: unknown }>((tie) => ({
  factValue: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'factValue' },
    { arbitrary: scalar, weight: 4 },
    { arbitrary: fc.array(tie('factValue'), { maxLength: 3 }), weight: 1 },
    {
      // Object.fromEntries defines own properties, even `__proto__`, like JSON.parse does.
      arbitrary: fc.uniqueArray(fc.tuple(key, tie('factValue')), { maxLength: 4, selector: ([k]) => k }).map((entries) => Object.fromEntries(entries)),
      weight: 2,
    },
  ),
}));

