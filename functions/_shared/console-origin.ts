import type { APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import { ConfigInvalidError } from './config.js';

/*
 * On AWS the console is served from CloudFront and calls the API on its execute-api domain, so
 * the browser lets it read an answer only if the answer names the console's origin. The API
 * functions get that origin as CONSOLE_ORIGIN (infra/constructs/web-console.ts); locally the
 * console is served beside the API (same origin) and the variable is absent, so nothing changes.
 * It is read apart from config(): a route answers whether or not its use case needs the table.
 */

const OriginSchema = z
  .url()
  .refine((text) => /^https:\/\/[^/]+$/.test(text), { error: 'expected an https origin without a path, like https://d1234.cloudfront.net' })
  .optional();

/** Parses CONSOLE_ORIGIN; a malformed value fails with its name, as config() does. */
export function parseConsoleOrigin(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const parsed = OriginSchema.safeParse(env.CONSOLE_ORIGIN);
  if (!parsed.success) throw new ConfigInvalidError([`CONSOLE_ORIGIN: ${parsed.error.issues[0]?.message ?? 'invalid'}`]);
  return parsed.data;
}

let cached: { origin: string | undefined } | undefined;

/** The console's origin for this container, read once from `process.env` (the cold start). */
export function consoleOrigin(): string | undefined {
  cached ??= { origin: parseConsoleOrigin(process.env) };
  return cached.origin;
}

/**
 * The response, readable by the console's origin when there is one (no credentials: calls are
 * SigV4-signed, not cookies). Content-Disposition is exposed too: it is not a header a browser
 * lets a cross-origin script read unless named, and the console saves report.xlsx under its name.
 */
export function allowConsoleOrigin(response: APIGatewayProxyResult, origin: string | undefined): APIGatewayProxyResult {
  if (origin === undefined) return response;
  return { ...response, headers: { ...response.headers, 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Content-Disposition', vary: 'Origin' } };
}
