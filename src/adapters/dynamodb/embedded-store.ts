import { mkdir } from 'node:fs/promises';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Level } from 'level';
import { StoreInUseError } from './store-in-use-error.js';

/** A running embedded DynamoDB-compatible server. */
export interface EmbeddedDynamo {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Stops the server and waits until its LevelDB is closed (the directory can be reopened then). */
  close(): Promise<void>;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./dynalite-server.mjs', import.meta.url));

/**
 * Starts dynalite in a child process on loopback on a free port, keeping its data in LevelDB
 * under `dir` (created if missing) or in memory when `dir` is undefined. Tables become ACTIVE
 * at once. A process of its own because LevelDB's native memory grows with the writes of a
 * run: the scoring process stays flat, and a killed command still leaves a closed database.
 */
export async function startEmbeddedDynamo(options: { dir?: string } = {}): Promise<EmbeddedDynamo> {
  if (options.dir !== undefined) {
    await mkdir(options.dir, { recursive: true });
    await assertNotInUse(options.dir);
  }
  const child = fork(SERVER_SCRIPT, [JSON.stringify({ dir: options.dir })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the embedded store exited before it started (code ${code})`)));
  });
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close() {
      closing ??= (async () => {
        if (child.connected) child.send('close');
        await exited;
      })();
      return closing;
    },
  };
}

/**
 * dynalite opens LevelDB lazily and, when another process holds the folder's lock, fails every
 * request with "Database is closed" from inside a callback, which ends the process. Opening the
 * folder once first turns that into a clear, typed error.
 */
async function assertNotInUse(dir: string): Promise<void> {
  const db = new Level(dir);
  try {
    await db.open();
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    if (/lock/i.test(cause?.message ?? '')) throw new StoreInUseError(dir, { cause: error });
    throw error;
  } finally {
    await db.close().catch(() => undefined);
  }
}
