// Headless Debian Chromium driven by playwright-core (never a downloaded browser: the machine has
// no internet). Flags as the machine notes prescribe: without the background-networking ones
// Chromium keeps trying to reach Google's hosts. Playwright gives every launch a fresh, empty
// user-data directory of its own, and adds --headless and --no-sandbox (we run as root).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/**
 * The reason to skip browser tests, or false to run them. Without Chromium a developer's run
 * skips with a message; CI (where .ci/run installs it) must not silently skip, so it fails.
 */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM_PATH)) return false;
  const message = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`${message}; browser tests cannot be skipped in CI.`);
  return `${message}: browser tests skipped.`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, chromiumSandbox: false, args: FLAGS, timeout: 30_000 });
}
