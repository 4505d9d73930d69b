import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveCommand } from '../src/cli/serve/serve-command.js';
import { benchProvince } from './bench-province.js';

const HELP = `Usage: node --import tsx bench/console-overview.ts [--households N] [--seed S] [--json]

A benchmark, not a test. Generates (or reuses) the synthetic province of N households (default
100000, seed 1) under bench/data/, scores it once into an embedded store beside it (reused on
later runs), serves it with tuopin serve and opens each county's overview in Debian's Chromium
(/usr/bin/chromium) with the cache disabled: prints, per county, the time from navigation to the
first chart drawn and the bytes transferred (the bodies of every response, uncompressed as served, the
console's files included), and their totals.`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUARTER = '2018Q4';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { households: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return (process.stdout.write(`${HELP}\n`), 0);
  const households = Number(values.households);
  const seed = Number(values.seed);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const folder = await benchProvince({ households, seed, quarter: QUARTER });
  const db = `${folder}-db`;
  if (!existsSync(db)) {
    log(`scoring ${QUARTER} into ${db} (once; later runs reuse it)…`);
    execFileSync(process.execPath, ['bin/tuopin.mjs', 'score', '--data', folder, '--quarter', QUARTER, '--out', `${folder}-out`, '--db', db], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!existsSync(join(ROOT, 'console/dist/index.html'))) execFileSync('npm', ['run', 'console:build'], { cwd: ROOT, stdio: 'ignore' });
  const counties = (await readFile(join(folder, 'counties.jsonl'), 'utf8')).split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { countyId: string }).countyId);

  const stop = new AbortController();
  const profile = await mkdtemp(join(tmpdir(), 'tuopin-bench-profile-'));
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  let served!: Promise<number>;
  const { url, signIn } = await new Promise<{ url: string; signIn: Record<string, string> }>((resolve) => {
    served = serveCommand(['--port', '0', '--db', db], { signal: stop.signal, onListening: (url, signIn) => resolve({ url, signIn }) });
  });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  const results: { countyId: string; firstChartMs: number; bytes: number }[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(signIn.viewer!);
    // Every overview is measured as a first visit: the console's files are fetched again too.
    await (await context.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
    for (const countyId of counties) {
      const sizes: Promise<number>[] = [];
      // A response's size is known once its body has arrived: collect them, add them up after.
      const count = (response: import('playwright-core').Response) => {
        sizes.push(response.body().then((body) => body.length, () => 0));
      };
      page.on('response', count);
      const started = Date.now();
      await page.goto(`${url}/?county=${encodeURIComponent(countyId)}&quarter=${QUARTER}`);
      await page.locator('[data-chart=bars] canvas').first().waitFor({ timeout: 600_000 });
      const firstChartMs = Date.now() - started;
      await page.waitForLoadState('networkidle');
      page.off('response', count);
      const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
      results.push({ countyId, firstChartMs, bytes });
      log(`  ${countyId}: first chart ${firstChartMs} ms, ${(bytes / 1024).toFixed(0)} KiB`);
    }
  } finally {
    await context.close();
    stop.abort();
    await served;
    await rm(profile, { recursive: true, force: true });
  }
  const total = { households, counties: results.length, firstChartMsMax: Math.max(...results.map((r) => r.firstChartMs)), bytesTotal: results.reduce((sum, r) => sum + r.bytes, 0) };
  log(`${total.counties} county overviews: slowest first chart ${total.firstChartMsMax} ms; ${(total.bytesTotal / 1024 / 1024).toFixed(1)} MiB transferred in all`);
  if (values.json) process.stdout.write(`${JSON.stringify({ ...total, perCounty: results })}\n`);
  return 0;
}

process.exitCode = await main();
