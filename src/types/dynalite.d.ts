// dynalite ships without type declarations; this covers what the embedded store uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** LevelDB directory; in memory when absent. */
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    verbose?: boolean;
    debug?: boolean;
  }

  /** An http server; its `close` also closes the LevelDB before calling back. */
  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
