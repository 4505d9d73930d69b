import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRuleSetSource } from '../../../../src/adapters/rule-sets/file-rule-set-source.js';
import { RULES_DIR, repositoryRuleSets } from '../../../helpers/repository-rule-sets.js';

let folder: string;

beforeAll(async () => {
  // The repository's files plus a household-exit v2 effective from 2019.
  folder = await mkdtemp(join(tmpdir(), 'tuopin-rules-'));
  await cp(RULES_DIR, folder, { recursive: true });
  const v1 = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
  await writeFile(join(folder, 'household-exit', 'v2.json'), JSON.stringify({ ...v1, version: 2, effectiveFrom: '2019-01-01' }));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('the file rule-set source', () => {
  it('gives the versions in force on the quarter’s last day', async () => {
    const source = new FileRuleSetSource(folder);
    expect((await source.inForce('2018Q4'))['household-exit'].version).toBe(1);
    expect((await source.inForce('2019Q1'))['household-exit'].version).toBe(2);
  });

  it('gives exactly the pinned versions, and names one the folder lacks', async () => {
    const source = new FileRuleSetSource(folder);
    const versions = { 'household-exit': 2, identification: 1, 'return-risk': 1, 'village-exit': 1, 'county-exit': 1, accountability: 1 };
    expect((await source.pinned(versions))['household-exit'].effectiveFrom).toBe('2019-01-01');
    await expect(source.pinned({ ...versions, 'village-exit': 7 })).rejects.toMatchObject({ code: 'RULE_SET_NOT_FOUND', message: expect.stringContaining('village-exit') });
  });
});
