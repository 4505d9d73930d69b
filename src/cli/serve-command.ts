import { join, resolve } from 'node:path';
import { clientsOf, rootConfigOf } from '../../functions/_shared/clients.js';
import { parseConfig } from '../../functions/_shared/config.js';
import { ROUTES } from '../../functions/_shared/routes.js';
import { openDynamoRoot } from '../composition/open-dynamo-root.js';
import { ensureLocalCredentials } from './http-credentials.js';
import { importApiHandlers } from './http-handlers.js';
import { startLocalApi } from './http-local-api.js';
import { LocalSessions, type ConsoleRole } from './http-session.js';
import { CONSOLE_DIST } from './http-static.js';
import { CONSOLE_ROLES } from '../../functions/_shared/route-roles.js';
import { parseOptions } from './parse-options.js';
import { printHelp } from './score-command.js';
import { UsageError } from './usage-error.js';

export const SERVE_HELP = `Usage: tuopin serve [--port 8080] [--db DIR | --endpoint URL] [--table NAME] [--credentials FILE]

Serves the evaluation API on http://127.0.0.1:<port> with the same handlers as the deployed
Lambdas, on the embedded store in --db or on a DynamoDB endpoint. Publishes the repository's
rules/ into the store when it has none yet. Stops on Ctrl-C.

As on AWS, every request must be signed with SigV4 (service execute-api): by the identity
"evaluation" for the evaluation routes, by "policy-staff" for the /rule-sets routes. Their keys
are in the credentials file, created with random secrets on first start (mode 0600). A Host
other than 127.0.0.1:<port> or localhost:<port>, a foreign Origin, and a POST body that is not
application/json are refused.

The web console is served at / (built by npm ci, or npm run console:build): the terminal prints
a one-time sign-in URL per role (viewer, policy-staff, approver); the browser's session is held
to its role's routes exactly as a signing identity is to its IAM policy's.

Options:
  --port N            port on 127.0.0.1 (default 8080; 0 picks a free one)
  --db DIR            folder of the embedded DynamoDB-compatible store (default .tuopin/db)
  --endpoint URL      use this DynamoDB (or DynamoDB Local) endpoint instead of the embedded store
  --table NAME        table name (default tuopin)
  --credentials FILE  the local credentials (default DIR/credentials.json, or .tuopin/credentials.json with --endpoint)
  -h, --help          this text`;

/** Lets a caller (a test) learn the URL and stop the server without a signal. */
export interface ServeControl {
  readonly signal?: AbortSignal;
  readonly onListening?: (url: string, signIn: Readonly<Record<ConsoleRole, string>>) => void;
}

function portOption(value: string | undefined): number {
  const port = Number(value ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got ${JSON.stringify(value)}`);
  return port;
}

/** Resolves on SIGINT, SIGTERM or the abort of `signal`, and forgets its listeners. */
function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop);
  });
}

/** `tuopin serve`: the API on loopback for app teams that integrate without AWS. Returns the exit status. */
export async function serveCommand(argv: string[], control: ServeControl = {}): Promise<number> {
  const { values } = parseOptions(argv, {
    port: { type: 'string' },
    db: { type: 'string' },
    endpoint: { type: 'string' },
    table: { type: 'string', default: 'tuopin' },
    credentials: { type: 'string' },
  });
  if (values.help) return printHelp(SERVE_HELP);
  if (values.db && values.endpoint) throw new UsageError('give --db or --endpoint, not both');
  const port = portOption(values.port);
  const table = String(values.table);

  // What the functions read from their environment, `serve` takes from its options (and the
  // variables the functions document, read here and passed in: the environment is never written).
  const settings = parseConfig({ ...process.env, TABLE_NAME: table, RUN_TIME_ZONE: process.env.RUN_TIME_ZONE ?? 'Asia/Shanghai' });
  const dir = resolve(values.db ?? '.tuopin/db');
  const root = await openDynamoRoot({ ...rootConfigOf(settings), ...(values.endpoint ? { endpoint: values.endpoint } : { embeddedDir: dir }), createTable: true });
  try {
    const published = await root.seedRuleSets();
    const clients = clientsOf(root, settings, { logLevel: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN', metrics: false });

    // The credentials belong to the store they guard: in its folder, next to its data.
    const credentialsFile = resolve(values.credentials ?? (values.endpoint ? '.tuopin/credentials.json' : join(dir, 'credentials.json')));
    const { credentials, created } = await ensureLocalCredentials(credentialsFile);
    const sessions = new LocalSessions();
    const api = await startLocalApi({ port, handlers: await importApiHandlers(clients), credentials, console: { sessions, dir: CONSOLE_DIST } }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' ? new UsageError(`port ${port} is in use; choose another with --port`) : error;
    });

    const routes = Object.values(ROUTES).map((route) => `  ${route.method.padEnd(4)} ${api.url}${route.path}`);
    // One single-use sign-in URL per role, as Jupyter prints its token URL.
    const signIn = Object.fromEntries(CONSOLE_ROLES.map((role) => [role, `${api.url}/sign-in?token=${sessions.mintToken(role)}&role=${role}`])) as Record<ConsoleRole, string>;
    process.stdout.write(
      [
        `Tuopin API on ${api.url} (store: ${values.endpoint ?? dir}, table ${table}${published ? `, published ${published} rule set(s)` : ''})`,
        ...routes,
        `Local credentials: ${credentialsFile}${created ? ' (created now)' : ''}`,
        `  sign every request with AWS SigV4, service execute-api, any region, as one of its identities:`,
        `  evaluation    access key ${credentials.evaluation.accessKeyId}  (the evaluation routes)`,
        `  policy-staff  access key ${credentials['policy-staff'].accessKeyId}  (the /rule-sets routes)`,
        `  e.g. AWS_ACCESS_KEY_ID=$(jq -r .evaluation.accessKeyId ${credentialsFile}) AWS_SECRET_ACCESS_KEY=$(jq -r .evaluation.secretAccessKey ${credentialsFile}) \\`,
        `       awscurl --service execute-api --region cn-north-1 ${api.url}/verdicts/household/<id>`,
        `Console 控制台 on ${api.url}/ — sign in once with the URL of your role (each works once):`,
        ...CONSOLE_ROLES.map((role) => `  ${role.padEnd(12)} ${signIn[role]}`),
        'Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    control.onListening?.(api.url, signIn);
    // A store process that dies under serve ends it with STORE_STOPPED: every answer after it
    // would be a 500.
    const stopped = await Promise.race([stopRequested(control.signal).then(() => null), root.stopped]);
    await api.close();
    if (stopped) throw stopped;
    return 0;
  } finally {
    await root.close();
  }
}
