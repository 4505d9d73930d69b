import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'src/cli');

/** Where text reaches a person: the standard streams, the rules commands' printers, and the lines gathered for them. */
const WRITERS = /(?:process\.(?:stdout|stderr)\.write|\bio\.(?:out|err)|\bstream\.write|console\.(?:log|error|warn)|\blines\.push)\(/g;

/**
 * Writes whose words are machine output, not messages: each with why. A new entry needs the
 * same kind of reason; anything a clerk or officer reads comes from src/i18n.
 */
const ALLOWED = new Map<string, string>([
  ['rules/write-rule-set-schema.ts: wrote ', 'npm run schema: a developer script naming the file it regenerated'],
  ['serve/openapi.ts: wrote ', 'npm run openapi: a developer script naming the file it regenerated'],
]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

/** The source without its comments (strings are kept as they are). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/**
 * The literal text of a call's arguments that sits at their top level: quoted strings and the
 * fixed parts of template literals, but nothing inside nested calls (`message(lang, 'key')`)
 * or `${…}`, where keys and values live.
 */
function topLevelText(source: string, open: number): string {
  let depth = 0;
  let text = '';
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return text;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      if (depth === 1) text += source.slice(i + 1, j);
      i = j;
    } else if (c === '`') {
      let j = i + 1;
      while (source[j] !== '`') {
        if (source[j] === '\\') j += 2;
        else if (source[j] === '$' && source[j + 1] === '{') {
          let braces = 1;
          j += 2;
          while (braces > 0) {
            if (source[j] === '{') braces++;
            else if (source[j] === '}') braces--;
            j++;
          }
        } else {
          if (depth === 1) text += source[j];
          j++;
        }
      }
      i = j;
    }
  }
  return text;
}

/** Each write in src/cli whose own literal text has words in it, as `file: text`. */
function literalWrites(): string[] {
  const found: string[] = [];
  for (const file of files(CLI)) {
    const source = withoutComments(readFileSync(file, 'utf8'));
    for (const match of source.matchAll(WRITERS)) {
      const text = topLevelText(source, match.index + match[0].length - 1).replace(/\\n/g, ' ');
      if (/[A-Za-z\u4e00-\u9fff]/.test(text)) found.push(`${relative(CLI, file)}: ${text.trim() === '' ? text : text.replace(/^\s+/, '')}`);
    }
  }
  return found;
}

describe('what the command line prints', () => {
  it('comes from the message catalogue: no write in src/cli carries words of its own', () => {
    const writes = literalWrites();
    const bypassing = writes.filter((write) => ![...ALLOWED.keys()].some((allowed) => write.startsWith(allowed)));
    expect(bypassing).toEqual([]);
    const stale = [...ALLOWED.keys()].filter((allowed) => !writes.some((write) => write.startsWith(allowed)));
    expect(stale, 'allow-list entries that no longer match a write').toEqual([]);
  });

  it('keeps no help text in src/cli: every "Usage:" text lives in the catalogue', () => {
    const helps = files(CLI).filter((file) => /`Usage: tuopin/.test(readFileSync(file, 'utf8')));
    expect(helps.map((file) => relative(CLI, file))).toEqual([]);
  });

  it('is caught when a literal bypasses the catalogue (the scan finds what it must)', () => {
    const source = "io.out(`${x} published ${y}\\n`); io.out(`${message(lang, 'gate.ok')}\\n`); process.stderr.write(ok ? 'passed\\n' : `${a}`);";
    const texts = [...source.matchAll(WRITERS)].map((m) => topLevelText(source, m.index + m[0].length - 1));
    expect(texts.map((t) => /[A-Za-z]/.test(t))).toEqual([true, false, true]);
  });
});
