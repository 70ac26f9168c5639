// Screenshots of the pages under test, for a person to look at (tmp/adcenter-screens/*.png).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREEN_DIR = join(tmpdir(), 'adcenter-screens');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREEN_DIR, { recursive: true });
  const path = join(SCREEN_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
