// `npm run generate:client`: writes packages/client/src/generated/ from the contract.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClientFiles } from './generate.js';

// Compiled to dist/tools/generate-client/main.js: the repository is three levels up.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dir = join(repoRoot, 'packages', 'client', 'src', 'generated');
mkdirSync(dir, { recursive: true });
for (const [name, content] of Object.entries(generateClientFiles())) {
  writeFileSync(join(dir, name), content);
  process.stdout.write(`wrote packages/client/src/generated/${name}\n`);
}
