// Drift test: the client package's generated sources are exactly what tools/generate-client
// writes from the contract today. A contract change without `npm run generate:client` fails here.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateClientFiles } from '../../tools/generate-client/generate.js';
import { operations } from '../../src/contract/operations.js';
import { repoRoot } from '../support/paths.js';

const dir = join(repoRoot, 'packages', 'client', 'src', 'generated');

describe('adcenter-client: generated sources match the contract', () => {
  const generated = generateClientFiles();

  it('the committed files are the generator\'s output, file by file', () => {
    assert.deepEqual(readdirSync(dir).sort(), Object.keys(generated).sort());
    for (const [name, content] of Object.entries(generated)) {
      assert.equal(readFileSync(join(dir, name), 'utf8'), content, `packages/client/src/generated/${name} differs: run npm run generate:client`);
    }
  });

  it('one lowerCamelCase method and one route per operation', () => {
    const methods = generated['methods.ts']!;
    const metadata = generated['metadata.ts']!;
    for (const [name, op] of Object.entries(operations)) {
      assert.match(methods, new RegExp(`\\n  ${name[0]!.toLowerCase()}${name.slice(1)}\\(request: T\\.${name}Request = \\{\\}\\): Promise<T\\.${name}Response>`));
      assert.ok(metadata.includes(`method: '${op.method}', path: '${op.path}'`), name);
    }
  });
});
