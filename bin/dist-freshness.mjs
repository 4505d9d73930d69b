// Whether dist/ holds a build of the current sources. Run on every start of `tuopin`, so it
// only reads directory entries and modification times (a few milliseconds for the whole tree).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(root, 'dist');
/** Written last by the build, so a build that stopped half-way is never taken for fresh. */
export const STAMP = join(DIST, '.build-stamp');
export const ENTRY = join(DIST, 'src/cli/main.js');
/** The folders the build compiles (src imports a few shared modules of functions/). */
export const SOURCE_FOLDERS = ['src', 'functions'];

function newestChange(folder) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const time = entry.isDirectory() ? Math.max(statSync(path).mtimeMs, newestChange(path)) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/**
 * True when dist/ was built after the last change to any source file or folder (a deleted
 * file changes its folder's time). A checkout without sources (an installed package) is fresh
 * whenever the build finished.
 */
export function distIsFresh() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
    statSync(ENTRY);
  } catch {
    return false;
  }
  return SOURCE_FOLDERS.every((folder) => newestChange(join(root, folder)) <= built);
}
