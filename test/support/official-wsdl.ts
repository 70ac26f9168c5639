// Locates the official WSDL kept beside the repository (../shared/reference/wsdl/). Tests run
// from dist/test/…, so the repository root is found by walking up to the nearest package.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

export const OFFICIAL_WSDL_FILE = 'CustomerManagementService.v13.production.wsdl';

export function readOfficialWsdl(): string {
  const file = resolve(repoRoot(), '..', 'shared', 'reference', 'wsdl', OFFICIAL_WSDL_FILE);
  if (!existsSync(file)) {
    throw new Error(`official WSDL not found at ${file}: the contract tests need the reference copy of ${OFFICIAL_WSDL_FILE}`);
  }
  return readFileSync(file, 'utf8');
}
