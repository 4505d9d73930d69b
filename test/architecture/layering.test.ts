import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computedImports, importsOf, type ImportSite, occurrences, read, repoPath, resolveRelative, ROOT, typeScriptFiles, withoutComments } from './source-scan.js';

/** The pure layers: rules, facts, records, use cases and the ports they talk through. */
const DOMAIN = ['src/engine', 'src/standards', 'src/records', 'src/use-cases', 'src/ports'];

/** Packages that tie code to AWS or to a particular store. */
const INFRASTRUCTURE = [/^@aws-sdk\//, /^aws-sdk(\/|$)/, /^aws-cdk-lib(\/|$)/, /^@middy\//, /^@aws-lambda-powertools\//, /^dynalite(\/|$)/, /^aws-lambda$/];

/** Node modules of I/O: the file system and HTTP. */
const IO_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'https', 'node:https']);

/** Text that reads the environment or the clock: the clock is an argument, config is read once at the edge. */
const AMBIENT: readonly [RegExp, string][] = [
  [/\bprocess\.env\b/, 'reads process.env'],
  [/\bDate\.now\s*\(/, 'reads the clock with Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'reads the clock with new Date()'],
  [/\bnew\s+Date\b(?!\s*\()/, 'reads the clock with new Date'],
];

/** Folders a pure layer must never reach into. */
const OUTER = ['src/adapters/', 'src/cli/', 'functions/', 'infra/', 'bench/', 'test/'];

const domainFiles = DOMAIN.flatMap((folder) => typeScriptFiles(folder));

/** `file:line what`, one line per offence, over the given files. */
function offences(files: readonly string[], check: (file: string, text: string) => string[]): string[] {
  return files.flatMap((file) => check(file, read(file)));
}

/** Every repository file an entry reaches through relative imports (those `follow` keeps), with the chain that reaches it. */
function reachable(entry: string, follow: (file: string, site: ImportSite) => boolean = () => true): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [repoPath(entry)]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!file.endsWith('.ts') || !existsSync(file)) continue;
    for (const site of importsOf(read(file))) {
      if (!follow(file, site)) continue;
      const target = resolveRelative(file, site.specifier);
      if (target === undefined || chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, `${repoPath(target)} (${repoPath(file)}:${site.line})`]);
      queue.push(target);
    }
  }
  return chains;
}

describe('the pure layers (src/engine, src/standards, src/records, src/use-cases, src/ports)', () => {
  it.each(DOMAIN)('%s has TypeScript files to check', (folder) => {
    expect(typeScriptFiles(folder).length).toBeGreaterThan(0);
  });

  it('import no AWS SDK, CDK, middy, Powertools or dynalite', () => {
    const found = offences(domainFiles, (file, text) =>
      importsOf(text)
        .filter((site) => INFRASTRUCTURE.some((pattern) => pattern.test(site.specifier)))
        .map((site) => `${repoPath(file)}:${site.line} imports ${site.specifier}`),
    );
    expect(found).toEqual([]);
  });

  it('import no file-system or HTTP module', () => {
    const found = offences(domainFiles, (file, text) =>
      importsOf(text)
        .filter((site) => IO_MODULES.has(site.specifier))
        .map((site) => `${repoPath(file)}:${site.line} imports ${site.specifier}`),
    );
    expect(found).toEqual([]);
  });

  it('read neither process.env nor the clock', () => {
    const found = offences(domainFiles, (file, text) => AMBIENT.flatMap(([pattern, what]) => occurrences(text, pattern).map((line) => `${repoPath(file)}:${line} ${what}`)));
    expect(found).toEqual([]);
  });

  it('import nothing from adapters, the CLI, the Lambda functions, the infrastructure, benchmarks or tests', () => {
    const found = offences(domainFiles, (file, text) =>
      importsOf(text).flatMap((site) => {
        const target = resolveRelative(file, site.specifier);
        const path = target === undefined ? undefined : repoPath(target);
        return path !== undefined && OUTER.some((outer) => path.startsWith(outer)) ? [`${repoPath(file)}:${site.line} imports ${path}`] : [];
      }),
    );
    expect(found).toEqual([]);
  });

  it('import no module whose name is computed, which no scan could check', () => {
    const found = offences(domainFiles, (file, text) => computedImports(text).map((line) => `${repoPath(file)}:${line} imports a computed module`));
    expect(found).toEqual([]);
  });

  it('keep the engine free of the standards, records and use cases it serves (the kernel it may use)', () => {
    const found = offences(typeScriptFiles('src/engine'), (file, text) =>
      importsOf(text).flatMap((site) => {
        const target = resolveRelative(file, site.specifier);
        return target !== undefined && !['src/engine/', 'src/kernel/'].some((folder) => repoPath(target).startsWith(folder)) ? [`${repoPath(file)}:${site.line} imports ${repoPath(target)}`] : [];
      }),
    );
    expect(found).toEqual([]);
  });
});

describe('the kernel (src/kernel), which every layer may import', () => {
  const kernelFiles = typeScriptFiles('src/kernel');

  it('has TypeScript files to check', () => {
    expect(kernelFiles.length).toBeGreaterThan(0);
  });

  it('imports nothing from the project outside itself', () => {
    const found = offences(kernelFiles, (file, text) =>
      importsOf(text).flatMap((site) => {
        const target = resolveRelative(file, site.specifier);
        return target !== undefined && !repoPath(target).startsWith('src/kernel/') ? [`${repoPath(file)}:${site.line} imports ${repoPath(target)}`] : [];
      }),
    );
    expect(found).toEqual([]);
  });

  it('imports no AWS, store, file-system or HTTP module, and no module whose name is computed', () => {
    const found = offences(kernelFiles, (file, text) => [
      ...importsOf(text)
        .filter((site) => IO_MODULES.has(site.specifier) || INFRASTRUCTURE.some((pattern) => pattern.test(site.specifier)))
        .map((site) => `${repoPath(file)}:${site.line} imports ${site.specifier}`),
      ...computedImports(text).map((line) => `${repoPath(file)}:${line} imports a computed module`),
    ]);
    expect(found).toEqual([]);
  });

  it('reads neither process.env nor the clock', () => {
    const found = offences(kernelFiles, (file, text) => AMBIENT.flatMap(([pattern, what]) => occurrences(text, pattern).map((line) => `${repoPath(file)}:${line} ${what}`)));
    expect(found).toEqual([]);
  });
});

describe('the typed errors', () => {
  const sources = ['src', 'functions', 'bench'].flatMap((folder) => typeScriptFiles(folder));
  /** Every error class declared in the sources, with the class it extends and where. */
  const declared = sources.flatMap((file) =>
    [...withoutComments(read(file)).matchAll(/\bclass\s+(\w+Error)\s+extends\s+(\w+)/g)].map((match) => ({ name: match[1]!, base: match[2]!, file: repoPath(file) })),
  );

  it('are found by the scan', () => {
    expect(declared.length).toBeGreaterThan(20);
  });

  it('all descend from the kernel\'s TuopinError, so each carries a stable code', () => {
    const bases = new Map(declared.map((error) => [error.name, error.base]));
    const rootOf = (name: string, seen = new Set<string>()): string => {
      const base = bases.get(name);
      if (base === undefined || seen.has(name)) return name;
      seen.add(name);
      return base === 'Error' || name === 'TuopinError' ? name : rootOf(base, seen);
    };
    const found = declared.filter((error) => error.name !== 'TuopinError' && rootOf(error.name) !== 'TuopinError').map((error) => `${error.file}: ${error.name} extends ${error.base}`);
    expect(found).toEqual([]);
  });

  it('have one base, declared in src/kernel/errors.ts', () => {
    expect(declared.filter((error) => error.name === 'TuopinError').map((error) => error.file)).toEqual(['src/kernel/errors.ts']);
  });
});

describe('the Lambda functions', () => {
  const handlers = existsSync(join(ROOT, 'functions'))
    ? readdirSync(join(ROOT, 'functions'))
        .filter((name) => name.endsWith('.ts'))
        .sort()
        .map((name) => join(ROOT, 'functions', name))
    : [];

  it('never reach the in-memory adapters, directly or through shared code', () => {
    const found = handlers.flatMap((handler) =>
      [...reachable(handler).entries()].filter(([file]) => repoPath(file).startsWith('src/adapters/memory/')).map(([, chain]) => chain.join(' → ')),
    );
    expect(found).toEqual([]);
  });
});

describe('the infrastructure', () => {
  /** The domain layers a deployment has no business loading: synth must not run (or bundle) the rules. */
  const DOMAIN_CODE = ['src/use-cases/', 'src/standards/', 'src/engine/'];
  const chains = reachable(join(ROOT, 'infra/app.ts'));

  it('reaches no use case, standard or engine file from infra/app.ts', () => {
    const found = [...chains.entries()].filter(([file]) => DOMAIN_CODE.some((folder) => repoPath(file).startsWith(folder))).map(([, chain]) => chain.join(' → '));
    expect(found).toEqual([]);
  });

  it('reaches no AWS SDK package from infra/app.ts (the CDK describes the table, the SDK talks to it)', () => {
    const found = [...chains.entries()].flatMap(([file, chain]) =>
      file.endsWith('.ts') && existsSync(file)
        ? importsOf(read(file))
            .filter((site) => /^@aws-sdk\//.test(site.specifier))
            .map((site) => `${chain.join(' → ')} imports ${site.specifier} (line ${site.line})`)
        : [],
    );
    expect(found).toEqual([]);
  });
});

describe('the command line (src/cli/main.ts)', () => {
  /** An import that stays at run time: a static one, not `import type` (erased) or `import()` (a command's own). */
  function loadsAtStart(file: string, site: ImportSite): boolean {
    if (site.kind !== 'static') return false;
    // The statement starts on the nearest line at or above the specifier that begins with import or export.
    const start = withoutComments(read(file)).split('\n').slice(0, site.line).findLast((line) => /^(import|export)\b/.test(line)) ?? '';
    return !/^(import|export)\s+type\b/.test(start);
  }
  // A package is named like `zod` or `@aws-sdk/client-dynamodb`, never with a leading dot; the scan also finds `from '…'` inside message texts.
  const isPackage = (specifier: string) => /^(@[\w-][\w.-]*\/)?[\w-][\w.-]*(\/[\w./-]+)?$/.test(specifier);

  it('loads no package before a command runs, so --help, --version and a usage error start fast', () => {
    const chains = reachable(join(ROOT, 'src/cli/main.ts'), loadsAtStart);
    const found = [...chains.entries()].flatMap(([file, chain]) =>
      importsOf(read(file))
        .filter((site) => loadsAtStart(file, site) && isPackage(site.specifier))
        .map((site) => `${chain.join(' → ')} imports ${site.specifier} (line ${site.line})`),
    );
    expect(found).toEqual([]);
  });
});

describe('the composition root (src/composition)', () => {
  /** What opens a store: only the root may call these outside the adapters that define them. */
  const CONSTRUCTORS = [/\bcreateDynamoStores\s*\(/, /\bcreateMemoryStores\s*\(/, /\bcreateDynamoClient\s*\(/, /\bstartEmbeddedDynamo\s*\(/];
  const entryPoints = ['src', 'functions', 'bench', 'infra'].flatMap((folder) => typeScriptFiles(folder)).filter((file) => !/^src\/(adapters|composition)\//.test(repoPath(file)));

  it('is the only code that opens stores, for the CLI, serve, the functions and the bench', () => {
    expect(entryPoints.length).toBeGreaterThan(0);
    const found = offences(entryPoints, (file, text) => CONSTRUCTORS.flatMap((pattern) => occurrences(text, pattern).map((line) => `${repoPath(file)}:${line} opens a store itself`)));
    expect(found).toEqual([]);
  });
});

describe('the source scan itself', () => {
  const sample = [
    "import { z } from 'zod';",
    'import type {',
    '  Thing,',
    "} from '@aws-sdk/client-dynamodb';",
    "export * from './local.js';",
    "import 'node:fs';",
    "const later = await import('node:http');",
    'const computed = await import(name);',
    "// import { x } from 'dynalite'; process.env.X",
    '/* new Date() */ const url = "http://example.org"; // Date.now()',
    'const at = new Date(); const ok = new Date(0);',
    'const env = process.env.TABLE;',
  ].join('\n');

  it('finds static, type-only, re-exported, side-effect and dynamic imports with their lines', () => {
    expect(importsOf(sample).map((site) => `${site.line} ${site.kind} ${site.specifier}`)).toEqual([
      '1 static zod',
      '4 static @aws-sdk/client-dynamodb',
      '5 static ./local.js',
      '6 static node:fs',
      '7 dynamic node:http',
    ]);
    expect(computedImports(sample)).toEqual([8]);
  });

  it('ignores what comments say, but not what strings hold', () => {
    expect(withoutComments(sample).split('\n')).toHaveLength(12);
    expect(occurrences(sample, /\bprocess\.env\b/)).toEqual([12]);
    expect(occurrences(sample, /\bDate\.now\s*\(/)).toEqual([]);
    expect(occurrences(sample, /\bnew\s+Date\s*\(\s*\)/)).toEqual([11]);
    expect(occurrences(sample, /example\.org/)).toEqual([10]);
  });

  it('resolves a relative .js specifier to its .ts file', () => {
    const engineFile = join(ROOT, 'src/engine/judge.ts');
    expect(repoPath(resolveRelative(engineFile, './verdict.js')!)).toBe('src/engine/verdict.ts');
    expect(resolveRelative(engineFile, 'zod')).toBeUndefined();
  });
});
