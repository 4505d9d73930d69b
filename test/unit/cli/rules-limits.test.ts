import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import { rulesCommand } from '../../../src/cli/rules/rules-command.js';
import type { Stores } from '../../../src/ports/stores.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { capture, REPOSITORY } from '../use-cases/rule-publishing/rules-cli-capture.js';

const dynalite = useDynalite();
const folder = mkdtempSync(join(tmpdir(), 'tuopin-limits-'));

async function rules(stores: Stores | undefined, ...argv: string[]) {
  const captured = capture(stores);
  const code = await rulesCommand(argv, captured.io);
  return { code, out: captured.out() };
}

/** A reviewed rule-set file, changed and written as a draft file; returns its path. */
function draftFile(name: string, id: string, change: (document: Record<string, any>) => void): string {
  const document = JSON.parse(readFileSync(join(REPOSITORY, 'rules', id, 'v1.json'), 'utf8')) as Record<string, any>;
  change(document);
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify(document));
  return file;
}

function nestedAll(levels: number): unknown {
  let condition: unknown = { fact: 'incomePerCapita', operator: 'greaterThan', value: 1 };
  for (let level = 0; level < levels; level += 1) condition = { all: [condition] };
  return condition;
}

const deep = () => draftFile('deep.json', 'household-exit', (d) => (d.items[0].conditions = nestedAll(1_000)));

describe('tuopin rules and the limits of a draft', () => {
  it('validate refuses `all` nested 1,000 deep, naming the depth limit in en and zh', async () => {
    const { code, out } = await rules(undefined, 'validate', deep());
    expect(out).toContain('more than 24 levels deep');
    expect(out).toContain('上限为 24 层');
    expect(out).toMatch(/\ninvalid\n$/);
    expect(code).toBe(1);
  });

  it('validate refuses a draft over 100,000 bytes, naming the size limit', async () => {
    const big = draftFile('big.json', 'household-exit', (d) => (d.changeNote = '放宽'.repeat(30_000)));
    const { code, out } = await rules(undefined, 'validate', big);
    expect(out).toContain('at most 100,000 bytes are accepted');
    expect(out).toContain('上限为 100000 字节');
    expect(code).toBe(1);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('validate refuses the inherited name %s as a fact', async (fact) => {
    const file = draftFile(`${fact}.json`, 'household-exit', (d) => (d.items[0].conditions = { fact, operator: 'in', value: [1] }));
    const { code, out } = await rules(undefined, 'validate', file);
    expect(out).toContain(`unknown fact "${fact}"`);
    expect(code).toBe(1);
  });

  it('validate refuses the inherited path $.constructor of an object fact', async () => {
    const file = draftFile('path.json', 'household-exit', (d) => (d.items[0].conditions = { fact: 'water', path: '$.constructor', operator: 'in', value: [1] }));
    const { code, out } = await rules(undefined, 'validate', file);
    expect(out).toContain('fact water has no field "constructor"');
    expect(code).toBe(1);
  });

  it('validate refuses scenario cases over 250,000 bytes at the cases step, naming the limit', async () => {
    const draft = join(REPOSITORY, 'test', 'fixtures', 'drafts', 'household-exit-v2.json');
    const cases = JSON.parse(readFileSync(join(REPOSITORY, 'test', 'fixtures', 'drafts', 'household-exit-v2.cases.json'), 'utf8')) as { cases: { name: string }[] };
    cases.cases[0]!.name = `${cases.cases[0]!.name} ${'长'.repeat(90_000)}`;
    const file = join(folder, 'big.cases.json');
    writeFileSync(file, JSON.stringify(cases));
    const { code, out } = await rules(undefined, 'validate', draft, '--cases', file);
    expect(out).toContain('the cases exceed a limit');
    expect(out).toContain('上限为 250000 字节');
    expect(code).toBe(1);
  });

  it('publish refuses `all` nested 1,000 deep at the schema step', async () => {
    const { code, out } = await rules(createMemoryStores({ allowSelfApproval: true }), 'publish', deep(), '--author', '王芳', '--note', 'deep');
    expect(out).toContain('refused at the schema step');
    expect(out).toContain('more than 24 levels deep');
    expect(code).toBe(1);
  });

  it('publish refuses a draft too big for a DynamoDB item before it reaches the table', async () => {
    const table = await dynalite.newTable();
    const big = draftFile('huge.json', 'accountability', (d) => (d.changeNote = 'x'.repeat(500_000)));
    const { code, out } = await rules(undefined, 'publish', big, '--author', '王芳', '--note', 'big', '--allow-self-approval', '--endpoint', dynalite.endpoint, '--table', table);
    expect(out).toContain('refused at the schema step');
    expect(out).toContain('at most 100,000 bytes are accepted');
    expect(code).toBe(1);
    expect((await rules(undefined, 'list', '--endpoint', dynalite.endpoint, '--table', table)).out).toContain('holds no published rule set');
  });
});
