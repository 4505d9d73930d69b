import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openRoot } from '../../../src/composition/open-root.js';
import { importCommand } from '../../../src/cli/commands/import-command.js';

const EXAMPLE = fileURLToPath(new URL('../../fixtures/example', import.meta.url));
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('tuopin import into a new store', () => {
  it('seeds the store with the reviewed rule sets first, as score and nightly do', async () => {
    const db = await mkdtemp(join(tmpdir(), 'tuopin-import-seed-'));
    folders.push(db);
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await importCommand(['--data', EXAMPLE, '--db', db])).toBe(0);
    } finally {
      quiet.mockRestore();
    }
    const root = await openRoot({ store: 'dynamodb', embeddedDir: db });
    try {
      expect(await root.stores.ruleSets.listIds()).toEqual(['accountability', 'county-exit', 'household-exit', 'identification', 'return-risk', 'village-exit']);
    } finally {
      await root.close();
    }
  }, 60_000);
});
