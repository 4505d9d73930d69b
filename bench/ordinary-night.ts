import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openRoot } from '../src/composition/open-root.js';
import { startCountingProxy } from './counting-proxy.js';
import { runTuopin } from './measure-commands.js';

const HELP = `Usage: node --import tsx bench/ordinary-night.ts --data DIR [--share 0.05] [--quarter 2018Q4]

What an ordinary night asks of the store: \`tuopin score\` on a fresh embedded store, then the
same data with a share of households changed (their income per head raised by 1), through a
counting proxy (dynalite's ReturnConsumedCapacity). Twice: the changes spread over every
village (every 1/share-th household), and by village (every household of every
1/share-th village). Prints the second run's counts of each as JSON.`;

type Line = { householdId: string; villageId: string; incomePerCapita: number | null };

/** The households file with the chosen households' income per head raised by 1. */
async function changed(from: string, to: string, pick: (h: Line, index: number, villageIndex: number) => boolean): Promise<number> {
  // Dereferenced: a symlinked data folder must be copied, never written through.
  await cp(from, to, { recursive: true, dereference: true });
  const lines = (await readFile(join(from, 'households.jsonl'), 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const villages = new Map<string, number>();
  let count = 0;
  const out = lines.map((line, i) => {
    const h = JSON.parse(line) as Line;
    if (!villages.has(h.villageId)) villages.set(h.villageId, villages.size);
    if (!pick(h, i, villages.get(h.villageId)!)) return line;
    count += 1;
    return JSON.stringify({ ...h, incomePerCapita: (h.incomePerCapita ?? 0) + 1 });
  });
  await writeFile(join(to, 'households.jsonl'), `${out.join('\n')}\n`);
  return count;
}

async function night(folder: string, next: string, quarter: string) {
  const work = await mkdtemp(join(tmpdir(), 'tuopin-night-'));
  const root = await openRoot({ store: 'dynamodb', embeddedDir: join(work, 'db') });
  const { protocol, hostname, port } = await root.client!.config.endpoint!();
  const proxy = await startCountingProxy(`${protocol}//${hostname}:${port}`);
  try {
    const once = async (data: string, out: string) => {
      proxy.reset();
      const run = await runTuopin(['score', '--data', data, '--quarter', quarter, '--endpoint', proxy.endpoint, '--out', join(work, out)]);
      if (run.code !== 0) throw new Error(`tuopin score through the proxy failed:\n${run.stderr}`);
      return proxy.counts();
    };
    return { first: await once(folder, 'first'), night: await once(next, 'night') };
  } finally {
    await proxy.close();
    await root.close();
    await rm(work, { recursive: true, force: true });
  }
}

const { values } = parseArgs({ options: { data: { type: 'string' }, share: { type: 'string', default: '0.05' }, quarter: { type: 'string', default: '2018Q4' }, help: { type: 'boolean', short: 'h' } } });
if (values.help || !values.data) {
  process.stdout.write(`${HELP}\n`);
} else {
  const every = Math.round(1 / Number(values.share));
  const work = await mkdtemp(join(tmpdir(), 'tuopin-night-data-'));
  try {
    const spreadDir = join(work, 'spread');
    const byVillageDir = join(work, 'by-village');
    const spread = await changed(values.data, spreadDir, (_, i) => i % every === 0);
    const byVillage = await changed(values.data, byVillageDir, (_, __, v) => v % every === 0);
    const result = {
      spread: { households: spread, ...(await night(values.data, spreadDir, values.quarter)) },
      byVillage: { households: byVillage, ...(await night(values.data, byVillageDir, values.quarter)) },
    };
    process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
