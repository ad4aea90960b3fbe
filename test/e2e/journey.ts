import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFailed } from 'vitest';
import { launchBrowser, screenshot } from './browser.js';

export const baseUrl = inject('e2eBaseUrl');
/** False when Chromium is missing outside CI: the journeys are skipped (global setup said why). */
export const canRun = baseUrl !== '';

/** One browser for a test file, and a fresh context (cookies, storage) for each journey. */
export function useBrowser() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (canRun) browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    /** A page in a fresh context; when the test fails, its last state is saved as `.tmp/e2e/FAILED-<name>.png`. */
    async newPage(name: string): Promise<{ context: BrowserContext; page: Page }> {
      if (!browser) throw new Error('The browser is not running');
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      onTestFailed(() => screenshot(page, `FAILED-${name}`));
      return { context, page };
    },
  };
}

export const PERSIAN_DIGIT = /[۰-۹]/;
export const LATIN_DIGIT = /[0-9]/;
