import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, screenshot } from '../../../../test/e2e/browser.js';
import { buildCitizenOwner, buildCity } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { toPersianDigits } from '../../../shared/digits.js';
import { issueTestCertificate } from './test-support.js';

/*
 * The public verification page in a real browser (Debian's Chromium) against the app on a real database: the
 * page checks the QR payload's Ed25519 signature itself with the JWKS, beside the register's answer. Needs the
 * built web app (`npm run build:web`, which CI runs first) and Chromium; skipped with a message without them,
 * except in CI.
 */
const ready = chromiumAvailable() && fs.existsSync('dist/web/index.html');
if (!ready && process.env.CI) throw new Error('The verification page test needs Chromium and dist/web in CI');
if (!ready) process.stderr.write('Skipping the verification page test: no Chromium or no dist/web build\n');

let t: TestApp;
let browser: Browser;
beforeAll(async () => {
  if (!ready) return;
  t = await startTestApp({ PUBLIC_URL: 'http://127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.skipIf(!ready)('the public verification page', () => {
  it('opens from the QR link, checks the signature in the browser, and tells a forged code apart', async () => {
    const city = await buildCity(t.database.db);
    const owner = await buildCitizenOwner(t.database.db, {
      municipalityId: city.municipality.id,
      districtId: city.district1.id,
      parcels: 1,
    });
    const cert = await issueTestCertificate(t, {
      municipalityId: city.municipality.id,
      parcelId: owner.parcels[0].id,
    });
    const page = await (await browser.newContext({ baseURL: t.baseUrl })).newPage();
    try {
      await page.goto(`/verify#${cert.token}`);
      const result = page.getByTestId('verification-result');
      await expect.poll(() => result.getAttribute('data-result')).toBe('valid');
      await expect.poll(() => page.getByTestId('browser-check').getAttribute('data-ok')).toBe('true');
      expect(await page.getByTestId('verification').textContent()).toContain(cert.number);
      expect(await result.textContent()).toBe('معتبر');
      await screenshot(page, 'verify-page-valid');

      const [header, payload, signature] = cert.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const altered = Buffer.from(JSON.stringify({ ...claims, p: '9-9999' })).toString('base64url');
      await page.goto('/verify');
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, `${header}.${altered}.${signature}`);
      await expect.poll(() => result.getAttribute('data-result')).toBe('forged');
      await expect.poll(() => page.getByTestId('browser-check').getAttribute('data-ok')).toBe('false');

      // Typed by hand, with Persian digits.
      await page.goto('/verify');
      await page.getByTestId('verify-number').fill(toPersianDigits(cert.number));
      await page.getByTestId('verify-submit').click();
      await expect.poll(() => result.getAttribute('data-result')).toBe('valid');
    } catch (error) {
      await screenshot(page, 'FAILED-verify-page');
      throw error;
    }
  });
});
