// The examples of packages/client/README.md (the ```js example blocks) run as written against a
// real server: each is saved beside the build (so 'adcenter-client' resolves through the
// workspace) and run with ADCENTER_URL and ADCENTER_TOKEN; its output is checked.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../support/paths.js';
import { startServer, type RunningServer } from '../../support/server.js';

const run = promisify(execFile);

export function readmeExamples(markdown: string): string[] {
  return [...markdown.matchAll(/```js example\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('adcenter-client README examples', () => {
  let server: RunningServer;
  let token: string;
  const examples = readmeExamples(readFileSync(join(repoRoot, 'packages', 'client', 'README.md'), 'utf8'));
  const dir = join(repoRoot, 'dist', 'readme-examples');
  before(async () => {
    server = await startServer();
    token = await server.token();
    mkdirSync(dir, { recursive: true });
  });
  after(async () => { await server?.stop(); });

  const runExample = async (index: number): Promise<string> => {
    const file = join(dir, `example-${index}.mjs`);
    writeFileSync(file, examples[index]!);
    const { stdout } = await run(process.execPath, [file], { env: { ...process.env, ADCENTER_URL: server.url, ADCENTER_TOKEN: token } });
    return stdout;
  };

  it('finds the examples', () => {
    assert.equal(examples.length, 2);
  });

  it('example 1: the user, their roles and every account', async () => {
    const out = await runExample(0);
    assert.match(out, /^\S+ has 1 customer role\(s\)\n/);
    assert.match(out, /\n\d+ [A-Z0-9]{8} .+ Active\n/);
  });

  it('example 2: over SOAP, a fault with its code, ErrorCode, TrackingId and status', async () => {
    const out = await runExample(1);
    assert.match(out, /^\d+ [A-Za-z]+ .+ [0-9a-f-]{36} 500\n$/);
  });
});
