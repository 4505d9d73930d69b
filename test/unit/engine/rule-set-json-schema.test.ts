import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_SET_SCHEMA_FILE, ruleSetSchemaText } from '../../../src/cli/rules/write-rule-set-schema.js';
import { OPERATORS } from '../../../src/engine/condition-schema.js';
import { ruleSetJsonSchema } from '../../../src/engine/rule-set-json-schema.js';
import { RuleSetSchema } from '../../../src/engine/rule-set-schema.js';
import { aRuleSetDocument } from '../../helpers/builders.js';
import { RULES_DIR } from '../../helpers/repository-rule-sets.js';

type Schema = Record<string, unknown>;

/** Keywords that only describe (no validation meaning). */
const ANNOTATIONS = new Set(['$schema', '$defs', 'title', 'description', 'default', 'format']);

function typeOk(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

/**
 * A validator for exactly the JSON Schema keywords the generator emits, so the schema editors
 * see can be checked against the files without a validator library. A keyword it does not know
 * fails the test, rather than being silently skipped.
 */
function validate(schema: Schema, value: unknown, root: Schema, at = '$'): string[] {
  const errors: string[] = [];
  for (const [keyword, argument] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case '$ref': {
        const name = String(argument).replace('#/$defs/', '');
        errors.push(...validate((root.$defs as Record<string, Schema>)[name]!, value, root, at));
        break;
      }
      case 'type': {
        const types = Array.isArray(argument) ? (argument as string[]) : [argument as string];
        if (!types.some((t) => typeOk(t, value))) errors.push(`${at}: not ${types.join('|')}`);
        break;
      }
      case 'anyOf':
        if (!(argument as Schema[]).some((option) => validate(option, value, root, at).length === 0)) errors.push(`${at}: matches no anyOf option`);
        break;
      case 'enum':
        if (!(argument as unknown[]).includes(value)) errors.push(`${at}: not one of ${JSON.stringify(argument)}`);
        break;
      case 'properties':
        if (typeOk('object', value)) {
          for (const [name, sub] of Object.entries(argument as Record<string, Schema>)) {
            if (Object.hasOwn(value as object, name)) errors.push(...validate(sub, (value as Record<string, unknown>)[name], root, `${at}.${name}`));
          }
        }
        break;
      case 'required':
        if (typeOk('object', value)) for (const name of argument as string[]) if (!Object.hasOwn(value as object, name)) errors.push(`${at}: lacks ${name}`);
        break;
      case 'additionalProperties':
        if (typeOk('object', value)) {
          const known = Object.keys((schema.properties as object | undefined) ?? {});
          for (const [name, member] of Object.entries(value as object)) {
            if (known.includes(name)) continue;
            if (argument === false) errors.push(`${at}: unexpected ${name}`);
            else errors.push(...validate(argument as Schema, member, root, `${at}.${name}`));
          }
        }
        break;
      case 'propertyNames':
        if (typeOk('object', value)) for (const name of Object.keys(value as object)) errors.push(...validate(argument as Schema, name, root, `${at}[key ${name}]`));
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((element, i) => errors.push(...validate(argument as Schema, element, root, `${at}.${i}`)));
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (argument as number)) errors.push(`${at}: fewer than ${argument} items`);
        break;
      case 'minLength':
        if (typeof value === 'string' && [...value].length < (argument as number)) errors.push(`${at}: shorter than ${argument}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(argument as string, 'u').test(value)) errors.push(`${at}: does not match ${argument}`);
        break;
      case 'exclusiveMinimum':
        if (typeof value === 'number' && !(value > (argument as number))) errors.push(`${at}: not above ${argument}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (argument as number)) errors.push(`${at}: above ${argument}`);
        break;
      default:
        throw new Error(`the generated schema uses ${keyword}, which this test's validator does not know`);
    }
  }
  return errors;
}

const files = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(join(RULES_DIR, entry.name)).filter((name) => /^v\d+\.json$/.test(name)).map((name) => `${entry.name}/${name}`))
  .sort();

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(RULES_DIR, file), 'utf8'));
const schema = ruleSetJsonSchema() as Schema;
const errorsOf = (document: unknown) => validate(schema, document, schema);

describe('rules/rule-set.schema.json', () => {
  it('is what `npm run schema` writes from RuleSetSchema today', () => {
    const committed = readFileSync(RULE_SET_SCHEMA_FILE, 'utf8');
    expect(committed === ruleSetSchemaText(), 'rules/rule-set.schema.json is stale: run npm run schema').toBe(true);
  });

  it('is 2-space JSON ending in a newline', () => {
    const text = ruleSetSchemaText();
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"/);
  });

  it('describes the input side: warnings and indicators may be left out, the rest of a version is required', () => {
    expect(schema.required).toEqual(['id', 'version', 'effectiveFrom', 'subjectType', 'description', 'references', 'changeNote', 'parameters', 'parameterInfo', 'items', 'outcomeLabels']);
  });

  it('names the recursive condition and lists every operator', () => {
    const condition = (schema.$defs as Record<string, Schema>).Condition!;
    expect(JSON.stringify(condition)).toContain('"$ref":"#/$defs/Condition"');
    expect(JSON.stringify(condition)).toContain(JSON.stringify([...OPERATORS]));
  });
});

describe('the rule-set files', () => {
  it('include every standard', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s satisfies RuleSetSchema', (file) => {
    const parsed = RuleSetSchema.safeParse(readJson(file));
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([]);
  });

  it.each(files)('%s points editors at the generated schema and satisfies it', (file) => {
    const document = readJson(file) as { $schema?: unknown };
    expect(document.$schema).toBe('../rule-set.schema.json');
    expect(errorsOf(document)).toEqual([]);
  });
});

describe('the generated schema', () => {
  const condition = { fact: 'incomePerCapita', operator: 'greaterThan', value: 1 };
  const withCondition = (conditions: unknown) => ({ ...aRuleSetDocument(), items: [{ id: 'x', label: { zh: '甲', en: 'x' }, conditions }] });

  it('accepts a valid document', () => {
    expect(errorsOf(aRuleSetDocument())).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['an unknown operator', withCondition({ ...condition, operator: 'approximately' })],
    ['an unknown operator deep in a condition', withCondition({ all: [condition, { not: { ...condition, operator: 'approximately' } }] })],
    ['an empty all', withCondition({ all: [] })],
    ['a condition field the language does not have', withCondition({ ...condition, params: {} })],
    ['a label without zh', { ...aRuleSetDocument(), description: { en: 'x' } }],
    ['a date that is not a date', { ...aRuleSetDocument(), effectiveFrom: '2014-02-30' }],
    ['an item id that is not kebab-case', { ...withCondition(condition), items: [{ id: 'Rich', label: { zh: '甲', en: 'x' }, conditions: condition }] }],
    ['a version of zero', { ...aRuleSetDocument(), version: 0 }],
  ])('refuses %s, like the loader', (_name, document) => {
    expect(errorsOf(document)).not.toEqual([]);
    expect(RuleSetSchema.safeParse(document).success).toBe(false);
  });
});
