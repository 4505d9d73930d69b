import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the running sources: `src/` under tsx, `dist/src/` once built. */
const SOURCES = fileURLToPath(new URL('../../', import.meta.url));

/** The dependency lock of the checkout the sources belong to, the nearest one up from them. */
function lockFile(): string | null {
  for (let folder = SOURCES; ; folder = dirname(folder)) {
    const path = join(folder, 'package-lock.json');
    if (existsSync(path)) return path;
    if (dirname(folder) === folder) return null;
  }
}

let digest: string | undefined;

/**
 * Names the code that judges, for `village-inputs.ts`: a SHA-256 of every file of the running
 * sources (paths and contents) and of the dependency lock. Any change to the code or to a
 * dependency's version changes it, so no verdict is kept across builds. About 2 MB read once.
 */
export function codeBuild(): string {
  if (digest !== undefined) return digest;
  const hash = createHash('sha256');
  const files = readdirSync(SOURCES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  const lock = lockFile();
  for (const path of lock === null ? files : [...files, lock]) {
    const contents = readFileSync(path);
    hash.update(`${relative(SOURCES, path)}\0${contents.length}\0`).update(contents);
  }
  digest = hash.digest('hex');
  return digest;
}
