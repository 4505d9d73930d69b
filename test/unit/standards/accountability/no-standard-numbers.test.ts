import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SOURCE_DIR = fileURLToPath(new URL('../../../../src/standards/accountability/', import.meta.url));

// 0 and 1 are the ends of a share and the step of a count. The named constants are calendar
// and floating-point facts, not standards. Everything else must come from the rule set.
const ALLOWED = new Set(['0', '1']);
const NAMED_CONSTANTS = new Set(['QUARTERS_PER_YEAR', 'SIGNIFICANT_DIGITS']);
// Decimal arithmetic on BigInt (base ten, halves) is confined to the rounding helper.
const BIGINT_FILE = 'round-half-up.ts';

function numbersIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(SOURCE_DIR + file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node) && !ALLOWED.has(node.text)) {
      const parent = node.parent;
      const named = ts.isVariableDeclaration(parent) && NAMED_CONSTANTS.has(parent.name.getText(source));
      if (!named) found.push(`${file}: ${node.text}`);
    }
    if (ts.isBigIntLiteral(node) && file !== BIGINT_FILE) found.push(`${file}: ${node.text}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the accountability code', () => {
  it('holds no number of the standards: weights, thresholds and counts come from the rule set', () => {
    const files = readdirSync(SOURCE_DIR).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap(numbersIn)).toEqual([]);
  });
});
