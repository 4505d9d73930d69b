import { TuopinError } from '../../kernel/errors.js';

// The two ways the embedded store's process fails a command, each a typed error naming the
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
