// The layers import one way (docs/architecture.md, "Layers"): every module under src/ imports
// only from its own layer or from layers below it; http and web stand side by side and never
// import each other; only the layers that speak HTTP import the HTTP framework. Read from the
// TypeScript sources, so a violation is named by file and import as written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { repoRoot } from '../support/paths.js';

/** Bottom to top. Layers of the same rank are peers: neither may import the other. */
const RANK: Readonly<Record<string, number>> = {
  contract: 0, store: 1, domain: 2, auth: 3, codec: 4, http: 5, web: 5, cli: 6,
};
/** Packages that tie code to a protocol, and the layers allowed to use them. */
// adcenter-client (the workspace package, an HTTP client of the API) serves only the command line.
const PROTOCOL_PACKAGES: Readonly<Record<string, readonly string[]>> = { fastify: ['http', 'web', 'cli'], 'adcenter-client': ['cli'] };

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier of import/export … from, bare imports and dynamic import(). */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!));
}

/** The layer of a path relative to src/ ("domain/users/get-user.ts" → "domain"), or null. */
function layerOf(pathInSrc: string): string | null {
  const parts = pathInSrc.split('/');
  return parts.length > 1 && parts[0]! in RANK ? parts[0]! : null;
}

/** What is wrong with one import of a module, or null when it goes the right way. */
export function violation(fileInSrc: string, specifier: string): string | null {
  const from = layerOf(fileInSrc);
  if (from === null) return `${fileInSrc} is in no layer (${Object.keys(RANK).join(', ')})`;
  if (!specifier.startsWith('.')) {
    const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    const allowed = PROTOCOL_PACKAGES[pkg];
    return allowed && !allowed.includes(from) ? `${fileInSrc} imports '${specifier}': ${from} must not depend on ${pkg}` : null;
  }
  const target = posix.normalize(posix.join(posix.dirname(fileInSrc), specifier));
  if (target.startsWith('../')) return `${fileInSrc} imports '${specifier}', outside src/`;
  const to = layerOf(target);
  if (to === null) return `${fileInSrc} imports '${specifier}', which is in no layer`;
  if (to === from) return null;
  if (RANK[to]! < RANK[from]!) return null;
  const why = RANK[to] === RANK[from] ? 'a peer layer' : 'a layer above it';
  return `${fileInSrc} imports '${specifier}': ${from} must not import ${to} (${why})`;
}

describe('architecture: the layers import one way', () => {
  const src = join(repoRoot, 'src');
  const files = tsFiles(src).map((path) => ({ path, inSrc: relative(src, path).split(sep).join('/') }));

  it('finds the sources of every layer', () => {
    const layers = new Set(files.map((f) => layerOf(f.inSrc)));
    for (const layer of Object.keys(RANK)) assert.ok(layers.has(layer), `no .ts files found for ${layer} under ${src}`);
  });

  it('every import goes to the same layer or one below (http and web are peers)', () => {
    const problems = files.flatMap((file) => importSpecifiers(readFileSync(file.path, 'utf8'))
      .map((specifier) => violation(file.inSrc, specifier))
      .filter((problem): problem is string => problem !== null));
    assert.deepEqual(problems, [], `imports against the layer order:\n  ${problems.join('\n  ')}`);
  });

  it('the check itself catches an import against the order', () => {
    assert.equal(violation('domain/users/get-user.ts', '../../contract/api-error.js'), null);
    assert.equal(violation('auth/authenticate.ts', '../domain/credentials.js'), null);
    assert.match(violation('domain/invitations/create-invitation.ts', '../../auth/secrets.js') ?? '', /domain must not import auth/);
    assert.match(violation('http/server.ts', '../web/session.js') ?? '', /http must not import web \(a peer layer\)/);
    assert.match(violation('web/pages/authorize.ts', '../../http/oauth-token.js') ?? '', /web must not import http/);
    assert.match(violation('store/sql/sql-store.ts', '../../domain/numbers.js') ?? '', /store must not import domain/);
    assert.match(violation('domain/context.ts', 'fastify') ?? '', /domain must not depend on fastify/);
    assert.match(violation('http/rest-face.ts', 'adcenter-client') ?? '', /http must not depend on adcenter-client/);
    assert.equal(violation('cli/client-commands/accounts.ts', 'adcenter-client'), null);
    assert.match(violation('contract/faults.ts', '../store/store.js') ?? '', /contract must not import store/);
    assert.deepEqual(importSpecifiers([
      "import type { A } from './a.js';", "export { b } from '../b.js';", "import './c.js';",
      "const d = await import('./d.js');", "import {\n  e,\n  f,\n} from './ef.js';", "// import { x } from './commented.js';",
    ].join('\n')), ['./a.js', '../b.js', './ef.js', './c.js', './d.js']);
  });
});
