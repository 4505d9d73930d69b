import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CONSOLE = fileURLToPath(new URL('..', import.meta.url));

describe("the console's API types", () => {
  it('are what openapi-typescript generates from docs/openapi.json (regenerate with: npm run console:types)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tuopin-schema-')), 'schema.d.ts');
    execFileSync(process.execPath, [join(CONSOLE, '../node_modules/openapi-typescript/bin/cli.js'), '../docs/openapi.json', '-o', out], { cwd: CONSOLE, stdio: 'ignore' });
    expect(readFileSync(join(CONSOLE, 'src/api/schema.d.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});
