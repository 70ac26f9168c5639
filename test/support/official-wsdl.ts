// Locates the official WSDL kept beside the repository (../shared/reference/wsdl/).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from './paths.js';

export const OFFICIAL_WSDL_FILE = 'CustomerManagementService.v13.production.wsdl';

export function readOfficialWsdl(): string {
  const file = resolve(repoRoot, '..', 'shared', 'reference', 'wsdl', OFFICIAL_WSDL_FILE);
  if (!existsSync(file)) {
    throw new Error(`official WSDL not found at ${file}: the contract tests need the reference copy of ${OFFICIAL_WSDL_FILE}`);
  }
  return readFileSync(file, 'utf8');
}
