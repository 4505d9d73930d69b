import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openRoot } from '../src/composition/open-root.js';
import { startCountingProxy, type RequestCounts } from './counting-proxy.js';
import { benchProvince } from './bench-province.js';
import { measureStoreRerun, runTuopin } from './measure-commands.js';

const HELP = `Usage: node --import tsx bench/rerun-share.ts [--households N] [--runs R] [--seed S] [--json]

The re-run's share of the first run on the embedded store, as \`npm run bench\` reports it
(rerunShareOfFirst), measured R times (default 3) on a generated province of N households
(default 10000): \`tuopin score\` from an empty folder, then again over the unchanged data;
medians, and every run. Then once more through a counting proxy (--endpoint), for what the
runs asked of the store: requests per action, items written and keys read in batches, and the
capacity units dynalite reports. Those counts do not depend on the machine's load.`;

const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** `tuopin score` twice through the proxy, on a fresh dynalite: what each run asked of the store. */
async function countRequests(folder: string, quarter: string): Promise<{ first: RequestCounts; rerun: RequestCounts }> {
  const work = await mkdtemp(join(tmpdir(), 'tuopin-bench-count-'));
  // The composition root starts dynalite; the proxy stands between it and the command.
  const root = await openRoot({ store: 'dynamodb', embeddedDir: join(work, 'db') });
  const { protocol, hostname, port } = await root.client!.config.endpoint!();
  const proxy = await startCountingProxy(`${protocol}//${hostname}:${port}`);
  try {
    const once = async (out: string) => {
      proxy.reset();
      const run = await runTuopin(['score', '--data', folder, '--quarter', quarter, '--endpoint', proxy.endpoint, '--out', join(work, out)]);
      if (run.code !== 0) throw new Error(`tuopin score through the proxy failed:\n${run.stderr}`);
      return proxy.counts();
    };
    return { first: await once('first'), rerun: await once('rerun') };
  } finally {
    await proxy.close();
    await root.close();
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      quarter: { type: 'string', default: '2018Q4' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const households = Number(values.households);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const quarter = values.quarter;
  const folder = await benchProvince({ households, seed, quarter });
  const pairs: { first: number; rerun: number; share: number; rerunStages: Record<string, number> | null }[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const { first, rerun } = await measureStoreRerun(folder, quarter);
    pairs.push({ first: round(first.seconds, 2), rerun: round(rerun.seconds, 2), share: round(rerun.seconds / first.seconds, 3), rerunStages: rerun.summary?.stageSeconds ?? null });
    log(`run ${run}: first ${first.seconds.toFixed(1)} s, re-run ${rerun.seconds.toFixed(1)} s, share ${(rerun.seconds / first.seconds).toFixed(3)}`);
  }
  const counts = await countRequests(folder, quarter);
  log(`first run asked:  ${JSON.stringify(counts.first)}`);
  log(`re-run asked:     ${JSON.stringify(counts.rerun)}`);
  const result = {
    storeHouseholds: households,
    firstRunSeconds: median(pairs.map((p) => p.first)),
    rerunSeconds: median(pairs.map((p) => p.rerun)),
    rerunShareOfFirst: median(pairs.map((p) => p.share)),
    runs: pairs,
    requests: counts,
  };
  process.stdout.write(`${values.json ? JSON.stringify(result) : JSON.stringify(result, null, 2)}\n`);
  return 0;
}

process.exitCode = await main();
