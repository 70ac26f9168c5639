// The emulator's own surface for tests: the /_adcenter routes, one-shot CLI commands and a
// sample seed file (a customer with a non-ASCII name, an agency, fixed tokens).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI } from './server.js';

const run = promisify(execFile);

export async function admin(url: string, path: string, body?: unknown, method = 'POST'): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/_adcenter${path}`, {
    method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Runs `adcenter ARGS`; resolves with stdout, stderr and the exit code (never rejects on a non-zero exit). */
export async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

export const FIXED_ACCESS_TOKEN = 'sbx.ci-fixed-token-contoso-0001';
export const FIXED_DEVELOPER_TOKEN = 'CIDEVTOKEN0001';

export const SAMPLE_SEED_YAML = `version: 1
pilotFeatures:
  - { id: 777, name: Test pilot, countries: [US] }
customers:
  - name: Contoso Agency
    agency: true
    accounts:
      - name: Contoso Main
  - name: Fabrikam Ünïcode
    paymentMethods: [CreditCard, Invoice]
    pilotFeatures: { on: [777] }
    accounts:
      - name: Fabrikam Main
        number: F0000001
      - name: Fabrikam Second
users:
  - userName: admin@contoso.example
    password: contoso-password
    roles: [{ customer: Contoso Agency, role: SuperAdmin }]
    developerTokens: [${FIXED_DEVELOPER_TOKEN}]
    accessTokens: [{ token: ${FIXED_ACCESS_TOKEN} }]
  - userName: viewer@fabrikam.example
    firstName: Zoë
    roles:
      - { customer: Fabrikam Ünïcode, role: Viewer, accounts: [F0000001] }
clientLinks:
  - { managingCustomer: Contoso Agency, clientAccount: Fabrikam Second }
`;

/** Writes the text to a file in `dir`; returns its path. */
export function writeSeed(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
