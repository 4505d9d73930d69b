import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ruleSetJsonSchema } from '../../engine/rule-set-json-schema.js';

/** Where the rule-set files' `"$schema": "../rule-set.schema.json"` points. */
export const RULE_SET_SCHEMA_FILE = fileURLToPath(new URL('../../../rules/rule-set.schema.json', import.meta.url));

/** The file's exact text: 2-space JSON and a final newline, so a regenerated file diffs cleanly. */
export function ruleSetSchemaText(): string {
  return `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`;
}

// `npm run schema`: regenerate rules/rule-set.schema.json from RuleSetSchema.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(RULE_SET_SCHEMA_FILE, ruleSetSchemaText(), 'utf8');
  console.log(`wrote ${RULE_SET_SCHEMA_FILE}`);
}
