import { mkdir } from 'node:fs/promises';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { StoreInUseError, StoreStoppedError } from './store-errors.js';

/** A running embedded DynamoDB-compatible server. */
export interface EmbeddedDynamo {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** The server process (for the soak bench's memory readings). */
  readonly pid: number;
  /**
   * Makes the client's calls fail with StoreStoppedError, not ECONNREFUSED, once the server
   * process has ended without being closed. Returns the same client.
   */
  guard(client: DynamoDBClient): DynamoDBClient;
  /** LevelDB iterators and other resources open in the server now (0 for a store in memory). */
  openResources(): Promise<number>;
  /** Resolves with StoreStoppedError if the server process ends without close() (never otherwise). */
  readonly stopped: Promise<StoreStoppedError>;
  /** Stops the server and waits until its LevelDB is closed (the directory can be reopened then). */
  close(): Promise<void>;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./dynalite-server.mjs', import.meta.url));
/** How long a refused connection waits for the server's exit to be reported before it is judged. */
const EXIT_GRACE_MS = 1000;

const CONNECTION_FAULTS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/** A refused or broken connection: what a client sees when the server process is gone. */
function isConnectionFault(error: unknown): boolean {
  const { code, name } = error as { code?: unknown; name?: unknown };
  return (typeof code === 'string' && CONNECTION_FAULTS.has(code)) || name === 'AggregateError' || /ECONNREFUSED|ECONNRESET|socket hang up/.test(String(error));
}

type ServerMessage = { port: number } | { inUse: true } | { failed: string };

function started(child: ChildProcess, dir: string | undefined): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    child.once('message', (message: ServerMessage) => {
      if ('port' in message) resolve(message.port);
      else if ('inUse' in message) reject(new StoreInUseError(dir ?? 'memory'));
      else reject(new Error(`the embedded store could not open ${dir}: ${message.failed}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the embedded store exited before it started (code ${code})`)));
  });
}

/**
 * Starts dynalite in a child process on loopback on a free port, keeping its data in LevelDB
 * under `dir` (created if missing) or in memory when `dir` is undefined. Tables become ACTIVE
 * at once. A process of its own because LevelDB's native memory grows with the writes of a
 * run: the scoring process stays flat, and a killed command still leaves a closed database.
 * The child holds the folder's lock before it answers, so a second command on the folder fails
 * here with StoreInUseError instead of racing the first.
 */
export async function startEmbeddedDynamo(options: { dir?: string } = {}): Promise<EmbeddedDynamo> {
  if (options.dir !== undefined) await mkdir(options.dir, { recursive: true });
  const child = fork(SERVER_SCRIPT, [JSON.stringify({ dir: options.dir })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ? `signal ${signal}` : `code ${code}`;
      resolve();
    }),
  );
  const port = await started(child, options.dir);
  let closing: Promise<void> | undefined;
  const stoppedUnasked = async (error: unknown): Promise<boolean> => {
    if (closing) return false;
    if (exit === undefined && !isConnectionFault(error)) return false;
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, EXIT_GRACE_MS).unref())]);
    return exit !== undefined && !closing;
  };
  const dir = options.dir ?? 'memory';
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stopped: exited.then(() => (closing ? new Promise<never>(() => {}) : new StoreStoppedError(dir, exit!))),
    guard(client) {
      client.middlewareStack.add(
        (next) => async (args) => {
          try {
            return await next(args);
          } catch (error) {
            if (await stoppedUnasked(error)) throw new StoreStoppedError(dir, exit!, { cause: error });
            throw error;
          }
        },
        { step: 'initialize', name: 'embeddedStoreStopped', priority: 'high' },
      );
      return client;
    },
    openResources() {
      return new Promise<number>((resolve) => {
        const answer = (message: { resources?: number }) => {
          if (message.resources === undefined) return;
          child.off('message', answer);
          resolve(message.resources);
        };
        child.on('message', answer);
        child.send('resources');
      });
    },
    close() {
      closing ??= (async () => {
        if (child.connected) child.send('close');
        await exited;
      })();
      return closing;
    },
  };
}
