import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { Level } from 'level';
import { StoreInUseError } from './store-in-use-error.js';

/** A running embedded DynamoDB-compatible server. */
export interface EmbeddedDynamo {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Stops the server and waits until its LevelDB is closed (the directory can be reopened then). */
  close(): Promise<void>;
}

/**
 * Starts dynalite on loopback on a free port, keeping its data in LevelDB under `dir` (created
 * if missing) or in memory when `dir` is undefined. Tables become ACTIVE at once.
 */
export async function startEmbeddedDynamo(options: { dir?: string } = {}): Promise<EmbeddedDynamo> {
  if (options.dir !== undefined) {
    await mkdir(options.dir, { recursive: true });
    await assertNotInUse(options.dir);
  }
  const server = dynalite({ ...(options.dir !== undefined ? { path: options.dir } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close() {
      // dynalite's close stops the HTTP server, then closes LevelDB and only then calls back.
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
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
