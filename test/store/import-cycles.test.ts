// No module of src/store imports (even type-only) one that imports it back, directly or through
// others. Reads the TypeScript sources, since type-only imports vanish from the built JavaScript.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/test/store/ -> the repository's src/store/
const root = fileURLToPath(new URL('../../../src/store/', import.meta.url));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports and re-exports of a module that stay inside src/store, as absolute .ts paths. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => m[1]!);
  return found
    .map((spec) => path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')))
    .filter((p) => p.startsWith(root));
}

/** Every cycle found by depth-first search, as a list of paths relative to src/store. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

it('src/store has no import cycles', () => {
  const files = sources(root);
  assert.ok(files.length > 20, `read the sources under ${root}`);
  const graph = new Map(files.map((f) => [f, imports(f)]));
  assert.ok([...graph.values()].some((deps) => deps.length > 0), 'imports were found');
  const cycles = findCycles(graph).map((c) => c.map((f) => path.relative(root, f)).join(' -> '));
  assert.deepEqual(cycles, []);
});

it('the cycle search finds a cycle', () => {
  const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
  assert.deepEqual(findCycles(graph), [['a', 'b', 'c', 'a']]);
});
