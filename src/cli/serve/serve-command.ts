import { join, resolve } from 'node:path';
import { clientsOf, rootConfigOf } from '../../../functions/_shared/clients.js';
import { parseConfig } from '../../../functions/_shared/config.js';
import { openDynamoRoot } from '../../composition/open-dynamo-root.js';
import { ROUTES } from '../../../functions/_shared/routes.js';
import { ensureLocalCredentials } from './credentials.js';
import { importApiHandlers } from './api-handlers.js';
import { startLocalApi } from './local-api.js';
import { type ConsoleRole, LocalSessions } from './session.js';
import { CONSOLE_DIST } from './static.js';
import { CONSOLE_ROLES } from '../../../functions/_shared/route-roles.js';
import { parseOptions, printHelp, UsageError } from '../options/command-line.js';
import { LANG_OPTION, langOption } from '../options/run-options.js';
import { message } from '../../i18n/messages.js';

/** Lets a caller (a test) learn the URL and stop the server without a signal. */
export interface ServeControl {
  readonly signal?: AbortSignal;
  readonly onListening?: (url: string, signIn: Readonly<Record<ConsoleRole, string>>) => void;
}

function portOption(value: string | undefined): number {
  const port = Number(value ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('usage.port', { value: JSON.stringify(value) });
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
    'allow-self-approval': { type: 'boolean' },
    ...LANG_OPTION,
  });
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.serve');
  if (values.db && values.endpoint) throw new UsageError('usage.dbOrEndpoint');
  const port = portOption(values.port);
  const table = String(values.table);

  // What the functions read from their environment, `serve` takes from its options (and the
  // variables the functions document, read here and passed in: the environment is never written).
  const settings = parseConfig({
    ...process.env,
    TABLE_NAME: table,
    RUN_TIME_ZONE: process.env.RUN_TIME_ZONE ?? 'Asia/Shanghai',
    ...(values['allow-self-approval'] ? { ALLOW_SELF_APPROVAL: 'true' } : {}),
  });
  const dir = resolve(values.db ?? '.tuopin/db');
  const root = await openDynamoRoot({ ...rootConfigOf(settings), ...(values.endpoint ? { endpoint: values.endpoint } : { embeddedDir: dir }), createTable: true });
  try {
    const stored = await root.seedRuleSets();
    const clients = clientsOf(root, settings, { logLevel: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN', metrics: false });
    // The credentials belong to the store they guard: in its folder, next to its data.
    const credentialsFile = resolve(values.credentials ?? (values.endpoint ? '.tuopin/credentials.json' : join(dir, 'credentials.json')));
    const { credentials, created } = await ensureLocalCredentials(credentialsFile);
    const sessions = new LocalSessions();
    const api = await startLocalApi({ port, handlers: await importApiHandlers(clients), credentials, console: { sessions, dir: CONSOLE_DIST } }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' ? new UsageError('usage.portInUse', { port }) : error;
    });

    const routes = Object.values(ROUTES).map((route) => `  ${route.method.padEnd(4)} ${api.url}${route.path}`);
    // One single-use sign-in URL per role, as Jupyter prints its token URL.
    const signIn = Object.fromEntries(CONSOLE_ROLES.map((role) => [role, `${api.url}/sign-in?token=${sessions.mintToken(role)}&role=${role}`])) as Record<ConsoleRole, string>;
    const published = stored ? message(lang, 'serve.published', { count: stored }) : '';
    const example =
      `AWS_ACCESS_KEY_ID=$(jq -r .evaluation.accessKeyId ${credentialsFile}) AWS_SECRET_ACCESS_KEY=$(jq -r .evaluation.secretAccessKey ${credentialsFile}) \\\n` +
      `       awscurl --service execute-api --region cn-north-1 ${api.url}/verdicts/household/<id>`;
    const banner = [
      message(lang, 'serve.api', { url: api.url, store: values.endpoint ?? dir, table, published }),
      ...routes,
      message(lang, 'serve.credentials', { file: credentialsFile, created: created ? message(lang, 'serve.created') : '' }),
      message(lang, 'serve.sign'),
      message(lang, 'serve.evaluationKey', { key: credentials.evaluation.accessKeyId }),
      message(lang, 'serve.policyKey', { key: credentials['policy-staff'].accessKeyId }),
      message(lang, 'serve.approverKey', { key: credentials.approver.accessKeyId }),
      message(lang, root.stores.drafts.allowsSelfApproval ? 'serve.selfApprovalAllowed' : 'serve.selfApprovalRefused'),
      message(lang, 'serve.example', { command: example }),
      message(lang, 'serve.console', { url: api.url }),
      ...CONSOLE_ROLES.map((role) => `  ${role.padEnd(12)} ${signIn[role]}`),
      message(lang, 'serve.stop'),
      '',
    ];
    process.stdout.write(banner.join('\n'));
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
