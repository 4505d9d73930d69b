import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { serveCommand } from '../../src/cli/serve-command.js';
import { aHousehold } from '../helpers/builders.js';

describe('tuopin serve', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('answers a real HTTP POST /evaluations with the verdict, through the Lambda handler, and stops on request', async () => {
    const db = await mkdtemp(join(tmpdir(), 'tuopin-serve-'));
    dirs.push(db);
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    const stop = new AbortController();
    let listening!: (url: string) => void;
    const url = new Promise<string>((resolve) => (listening = resolve));
    const exit = serveCommand(['--port', '0', '--db', db], { signal: stop.signal, onListening: listening });
    try {
      const base = await url;
      const household = aHousehold({ householdId: 'H-SERVE', status: 'poor' });
      const response = await fetch(`${base}/evaluations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ruleSetId: 'household-exit', year: 2018, record: household }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      const { verdict } = (await response.json()) as { verdict: { subjectId: string; ruleSetId: string; ruleSetVersion: number; outcome: string; items: unknown[] } };
      expect(verdict).toMatchObject({ subjectId: 'H-SERVE', ruleSetId: 'household-exit', ruleSetVersion: 1, outcome: 'pass' });
      expect(verdict.items.length).toBeGreaterThan(0);

      const unknown = await fetch(`${base}/nowhere`);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
      expect(printed.join('')).toContain(base);
    } finally {
      stop.abort();
      write.mockRestore();
    }
    expect(await exit).toBe(0);
  });
});
