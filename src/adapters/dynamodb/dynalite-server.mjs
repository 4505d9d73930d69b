// The embedded store's server process: dynalite on a free loopback port, LevelDB in the folder
// given (or memory). A process of its own keeps LevelDB's native memory out of the scoring
// process and lets the store close cleanly when the command that started it is killed.
import dynalite from 'dynalite';

const options = JSON.parse(process.argv[2] ?? '{}');
const server = dynalite({ ...(options.dir ? { path: options.dir } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
let closing = false;

function close() {
  if (closing) return;
  closing = true;
  // dynalite's close stops the HTTP server, then closes LevelDB, and only then calls back.
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
}

server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', (message) => message === 'close' && close());
// The parent went away (even killed): close LevelDB so the folder opens cleanly next time.
process.on('disconnect', close);
process.on('SIGTERM', close);
process.on('SIGINT', close);
