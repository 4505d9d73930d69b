import { TuopinError } from '../../kernel/errors.js';

// The faults of the DynamoDB stores: a table that cannot be set up, reads and writes DynamoDB did
// not complete, and the two ways the embedded store's process fails a command, each naming the
// folder in zh and en instead of LevelDB's "Database is closed" or the client's ECONNREFUSED.

/** Another process holds the embedded store's folder: LevelDB admits one process at a time. */
export class StoreInUseError extends TuopinError {
  constructor(
    readonly dir: string,
    options?: { cause?: unknown },
  ) {
    super(
      'STORE_IN_USE',
      `数据库目录 ${dir} 正被另一个进程使用（另一条 tuopin 命令？），请等它结束或换用 --db / the store in ${dir} is in use by another process (another tuopin command?); wait for it or give another --db`,
      options,
    );
  }
}

/** The embedded store's process ended while a command still needed it (killed, out of memory). */
export class StoreStoppedError extends TuopinError {
  constructor(
    readonly dir: string,
    readonly exit: string,
    options?: { cause?: unknown },
  ) {
    super(
      'STORE_STOPPED',
      `内嵌数据库进程（${dir}）在命令运行中退出（${exit}），本次命令未完成，可重新运行 / the embedded store's process (${dir}) ended during the command (${exit}); the command did not finish, run it again`,
      options,
    );
  }
}

/** The table exists with other keys than `TABLE_KEYS`, or did not become ACTIVE in time. */
export class TableSetupError extends TuopinError {
  constructor(
    readonly tableName: string,
    detail: string,
  ) {
    super('TABLE_SETUP', `table ${tableName}: ${detail}`);
  }
}

/** A read could not be completed (keys left unprocessed after the retries) or found inconsistent items. */
export class StoreReadError extends TuopinError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_READ', message, options);
  }
}

/** DynamoDB did not take every write even after the retries: nothing is dropped silently. */
export class StoreWriteError extends TuopinError {
  constructor(
    /** Writes (puts and deletes) that were not applied. */
    readonly unprocessed: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('STORE_WRITE', `${message} (${unprocessed} write(s) not applied)`, options);
  }
}
