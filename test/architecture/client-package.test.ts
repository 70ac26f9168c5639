// The client package installs alone: its sources import only each other and saxes — never the
// server (src/), node: built-ins (it runs in browsers) or anything undeclared.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { repoRoot } from '../support/paths.js';

const root = join(repoRoot, 'packages', 'client');
const ALLOWED_PACKAGES = ['saxes'];

/** Module specifiers of import/export … from, bare and dynamic imports (as layers.test reads them). */
function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ].flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!));
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

export function clientImportProblem(fileInSrc: string, specifier: string): string | null {
  if (specifier.startsWith('.')) {
    const target = posix.normalize(posix.join(posix.dirname(fileInSrc), specifier));
    return target.startsWith('../') ? `${fileInSrc} imports '${specifier}', outside packages/client/src` : null;
  }
  return ALLOWED_PACKAGES.includes(specifier) ? null : `${fileInSrc} imports '${specifier}', not a dependency of adcenter-client`;
}

describe('architecture: adcenter-client stands alone', () => {
  it('imports only its own modules and its declared dependencies', () => {
    const src = join(root, 'src');
    const problems = tsFiles(src).flatMap((path) => {
      const inSrc = relative(src, path).split(sep).join('/');
      return importSpecifiers(readFileSync(path, 'utf8')).map((s) => clientImportProblem(inSrc, s)).filter((p): p is string => p !== null);
    });
    assert.deepEqual(problems, []);
  });

  it('declares exactly those dependencies, and no native ones', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string>; type: string };
    assert.equal(pkg.name, 'adcenter-client');
    assert.equal(pkg.type, 'module');
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ALLOWED_PACKAGES);
  });

  it('the check itself catches the server, node: modules and escaping paths', () => {
    assert.match(clientImportProblem('client.ts', '../../../src/contract/types.js') ?? '', /outside/);
    assert.match(clientImportProblem('client.ts', 'node:http') ?? '', /not a dependency/);
    assert.match(clientImportProblem('soap/xml.ts', 'fastify') ?? '', /not a dependency/);
    assert.equal(clientImportProblem('soap/xml.ts', '../errors.js'), null);
  });
});
