import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveCommand } from '../../src/cli/serve/serve-command.js';
import { startEmbeddedDynamo, type EmbeddedDynamo } from '../../src/adapters/dynamodb/embedded-store.js';

/**
 * What the browser suites share: the sample county scored into a fresh embedded store, served by
 * a real `tuopin serve`, and Debian's Chromium driven by playwright-core. Each suite file starts
 * its own (they may change the store), and closes it.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const QUARTER = '2018Q4';
export const ARTIFACTS = join(ROOT, 'test-artifacts');
const require = createRequire(import.meta.url);

export interface ServedConsole {
  readonly work: string;
  readonly base: string;
  /** One single-use sign-in URL per role. */
  readonly signIn: Record<string, string>;
  readonly context: BrowserContext;
  readonly page: Page;
  /**
   * Runs the nightly scoring of the quarter on the store the server answers from, as a night
   * would: `tuopin nightly` in its own process against the same table. Only with `{ nightly: true }`.
   */
  runNightly(): Promise<void>;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * The store runs on its own (the embedded dynalite the fixture starts) and serve reaches it by
   * `--endpoint`, so a second process can write to it while serve answers, as the deployed
   * state machine and API share one table. A LevelDB folder opens in one process only.
   */
  readonly nightly?: boolean;
}

export async function serveConsole(prefix: string, options: ServeOptions = {}): Promise<ServedConsole> {
  const work = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(ARTIFACTS, { recursive: true });
  if (!existsSync(join(ROOT, 'console/dist/index.html'))) execFileSync('npm', ['run', 'console:build'], { cwd: ROOT, stdio: 'ignore' });
  execFileSync(process.execPath, ['bin/tuopin.mjs', 'score', '--data', 'data/sample-county', '--quarter', QUARTER, '--out', join(work, 'out'), '--db', join(work, 'db')], { cwd: ROOT, stdio: 'ignore' });
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const stop = new AbortController();
  let served: Promise<number> = Promise.resolve(0);
  const store: EmbeddedDynamo | null = options.nightly ? await startEmbeddedDynamo({ dir: join(work, 'db') }) : null;
  const where = store ? ['--endpoint', store.endpoint, '--credentials', join(work, 'credentials.json')] : ['--db', join(work, 'db')];
  const { base, signIn } = await new Promise<{ base: string; signIn: Record<string, string> }>((resolve) => {
    served = serveCommand(['--port', '0', ...where], { signal: stop.signal, onListening: (url, urls) => resolve({ base: url, signIn: urls }) });
  });
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    // axe-core is injected as a script; the console's CSP rightly refuses inline scripts.
    bypassCSP: true,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    work,
    base,
    signIn,
    context,
    page,
    runNightly: async () => {
      if (!store) throw new Error('serveConsole: runNightly needs { nightly: true }');
      // Asynchronous: serve answers in this process meanwhile.
      await promisify(execFile)(process.execPath, ['bin/tuopin.mjs', 'nightly', '--endpoint', store.endpoint, '--quarter', QUARTER], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    },
    close: async () => {
      await context.close();
      stop.abort();
      await served;
      await store?.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** axe-core's serious and critical violations on the page, as `rule: targets`. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
