import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run console:build` puts the console. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../console/dist', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Headers of every console file: no framing, no sniffing, no referrer (a sign-in URL must not
 * leak), scripts from this origin only. Ant Design writes its styles at run time, hence inline
 * styles are allowed; nothing else is.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export interface StaticFile {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer | string;
}

/** Whether a request is a browser navigating to a page (the console), rather than a call of the API. */
export function wantsPage(request: IncomingMessage): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && /\btext\/html\b/.test(request.headers.accept ?? '');
}

async function fileAt(path: string): Promise<Buffer | null> {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

/**
 * A file of the built console for a URL path: the file itself with its content type, or
 * index.html for any other path (the console routes in the browser), never anything outside
 * `dir`. Hashed assets are cached for good; index.html never.
 */
export async function staticFile(dir: string, pathname: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/';
  }
  const candidate = normalize(join(dir, decoded));
  const inside = candidate.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  const file = inside && !decoded.endsWith('/') ? await fileAt(candidate) : null;
  if (file) {
    const immutable = decoded.startsWith('/assets/');
    return {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'content-type': CONTENT_TYPES[extname(candidate)] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' },
      body: file,
    };
  }
  if (decoded.startsWith('/assets/')) return { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: 'not found\n' };
  const index = await fileAt(join(dir, 'index.html'));
  if (!index) {
    return { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: '控制台尚未构建 / the console is not built: run npm run console:build\n' };
  }
  return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-cache' }, body: index };
}
