import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A module specifier found in a source file, with its 1-based line. */
export interface ImportSite {
  readonly specifier: string;
  readonly line: number;
  readonly kind: 'static' | 'dynamic' | 'require';
}

/** A path relative to the repository, with forward slashes, for messages. */
export function repoPath(file: string): string {
  return relative(ROOT, file).split(sep).join('/');
}

/** Every `.ts` file below a folder of the repository (none when the folder does not exist). */
export function typeScriptFiles(folder: string): string[] {
  const start = join(ROOT, folder);
  if (!existsSync(start)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) found.push(path);
    }
  };
  walk(start);
  return found;
}

/**
 * The text with comments blanked out (newlines kept, so line numbers stay right): a TSDoc that
 * says "no process.env here" is not a use of it. Strings and template literals are kept as
 * they are; a quote cannot run past the end of its line, so a quote inside a regex literal
 * confuses at most the rest of that line.
 */
export function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote || (c === '\n' && quote !== '`')) quote = null;
      i += 1;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    out += c;
    i += 1;
  }
  return out;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

const PATTERNS: readonly [RegExp, ImportSite['kind']][] = [
  // import … from 'x', import type … from 'x', export … from 'x' (the clause may span lines)
  [/\bfrom\s*(['"])([^'"\n]+)\1/g, 'static'],
  // import 'x' (side effects only)
  [/\bimport\s*(['"])([^'"\n]+)\1/g, 'static'],
  // import('x') and import(`x`)
  [/\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g, 'dynamic'],
  [/\brequire\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g, 'require'],
];

/** Every module a source text imports, re-exports, imports dynamically or requires. */
export function importsOf(text: string): ImportSite[] {
  const code = withoutComments(text);
  const sites: ImportSite[] = [];
  for (const [pattern, kind] of PATTERNS) {
    for (const match of code.matchAll(pattern)) sites.push({ specifier: match[2]!, line: lineAt(code, match.index + match[0].indexOf(match[2]!)), kind });
  }
  return sites.sort((a, b) => a.line - b.line);
}

/** Lines of a dynamic `import(…)` whose module is computed, which no scan can check. */
export function computedImports(text: string): number[] {
  const code = withoutComments(text);
  return [...code.matchAll(/\bimport\s*\(\s*(?!['"`])/g)].map((match) => lineAt(code, match.index));
}

/** Where a text pattern occurs outside comments, by line. */
export function occurrences(text: string, pattern: RegExp): number[] {
  const code = withoutComments(text);
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return [...code.matchAll(global)].map((match) => lineAt(code, match.index));
}

/** The file a relative specifier names (`./x.js` → `x.ts`), or undefined for a package. */
export function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(from), specifier);
  for (const candidate of [target.replace(/\.js$/, '.ts'), target.replace(/\.mjs$/, '.mts'), `${target}.ts`, join(target, 'index.ts'), target]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return target;
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}
