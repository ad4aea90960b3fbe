import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFailed } from 'vitest';
import fa from '../../src/web/i18n/fa.json' with { type: 'json' };
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

const OTP_WAIT_MS = 10_000;

/** The newest sign-in code the SMS simulator holds for a mobile, waiting up to 10 s for it to arrive. */
export async function latestOtp(context: BrowserContext, mobile: string): Promise<string> {
  const deadline = Date.now() + OTP_WAIT_MS;
  while (Date.now() < deadline) {
    const response = await context.request.get(`/dev/sms/messages?to=${mobile}`);
    const { messages } = (await response.json()) as { messages: { message: string }[] };
    const code = messages[0]?.message.match(/\b\d{6}\b/)?.[0];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No sign-in code reached ${mobile} within ${OTP_WAIT_MS} ms`);
}

/** A citizen signs in on the Persian sign-in page (national ID, mobile, the SMS code) and lands on the cartable. */
export async function signInCitizen(
  page: Page,
  context: BrowserContext,
  citizen: { nationalId: string; mobile: string },
): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel(fa.signIn.nationalId).fill(citizen.nationalId);
  await page.getByLabel(fa.signIn.mobile).fill(citizen.mobile);
  await page.getByRole('button', { name: fa.signIn.sendCode }).click();
  await page.getByLabel(fa.signIn.code).waitFor();
  await page.getByLabel(fa.signIn.code).fill(await latestOtp(context, citizen.mobile));
  await page.getByRole('button', { name: fa.signIn.verify, exact: true }).click();
  await page.waitForURL('**/cartable');
}
