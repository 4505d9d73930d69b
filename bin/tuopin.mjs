#!/usr/bin/env node
// Runs the compiled JavaScript under dist/ (built by `npm ci` through the `prepare` script).
// In a development checkout whose sources changed since the last build, it runs the
// TypeScript through tsx instead, so an edit never runs stale code; `npm run build` makes
// starts fast again.
import { distIsFresh, ENTRY } from './dist-freshness.mjs';
import { pathToFileURL } from 'node:url';

// The command runs on Node 20 by design (the Lambdas run nodejs22.x); the SDK's notice about
// its future Node support says nothing a clerk can act on, so the CLI does not print it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let main;
if (distIsFresh()) {
  ({ main } = await import(pathToFileURL(ENTRY).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
