import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from '../../src/server/modules/demo-city/demo-accounts.js';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import fa from '../../src/web/i18n/fa.json' with { type: 'json' };
import vi from '../../src/web/i18n/vi.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { canRun, LATIN_DIGIT, latestOtp, PERSIAN_DIGIT, useBrowser } from './journey.js';

// Each journey signs in its own citizen: journeys run in parallel, and a second code for the same mobile within a
// minute is refused (citizen 1 files a case in case-journey, citizen 2 checks a building in zoning-map).
const citizen = DEMO_CITIZENS[2];
const PERSIAN_KEYBOARD_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

function typedOnPersianKeyboard(digits: string): string {
  return digits.replace(/[0-9]/g, (digit) => PERSIAN_KEYBOARD_DIGITS[Number(digit)]);
}

async function myParcelCount(context: BrowserContext): Promise<number> {
  const response = await context.request.get('/api/v1/me/parcels');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { parcels: unknown[] }).parcels.length;
}

/** Waits for the cards to render (they load after the heading), then checks there are exactly `count`. */
async function expectParcelRows(page: Page, count: number) {
  const rows = page.getByTestId('parcel-row');
  await rows.nth(count - 1).waitFor();
  expect(await rows.count()).toBe(count);
}

async function switchLanguage(page: Page, label: string, heading: string) {
  await page.getByText(label, { exact: true }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

describe.skipIf(!canRun)('a citizen signs in with an SMS code and sees their parcels', () => {
  const browser = useBrowser();

  it('from /signin to the cartable, in Persian, English and Vietnamese', async () => {
    const { context, page } = await browser.newPage('citizen');

    await page.goto('/signin');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByLabel(fa.signIn.nationalId).fill(typedOnPersianKeyboard(citizen.nationalId));
    await page.getByLabel(fa.signIn.mobile).fill(typedOnPersianKeyboard(citizen.mobile));
    await screenshot(page, 'signin-fa');
    await page.getByRole('button', { name: fa.signIn.sendCode }).click();

    await page.getByLabel(fa.signIn.code).waitFor();
    await page.getByTestId('resend-countdown').waitFor();
    await screenshot(page, 'signin-code-fa');
    await page.getByLabel(fa.signIn.code).fill(await latestOtp(context, citizen.mobile));
    await page.getByRole('button', { name: fa.signIn.verify, exact: true }).click();

    await page.waitForURL('**/cartable');
    await page.getByRole('heading', { name: fa.cartable.title }).waitFor();
    await expect(page.getByTestId('greeting').textContent()).resolves.toContain(citizen.fullName);
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain(citizen.fullName);
    const expectedParcels = await myParcelCount(context);
    expect(expectedParcels).toBeGreaterThan(0);
    await expectParcelRows(page, expectedParcels);
    const persianText = await page.getByTestId('parcels').textContent();
    expect(persianText).toMatch(PERSIAN_DIGIT);
    expect(persianText).not.toMatch(LATIN_DIGIT);
    expect(persianText).toContain(
      fa.share.dang.replace('{{numerator}}', '۶').replace('{{denominator}}', '۶'),
    );
    await screenshot(page, 'cartable-fa');

    await switchLanguage(page, 'English', en.cartable.title);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectParcelRows(page, expectedParcels);
    const englishText = await page.getByTestId('parcels').textContent();
    expect(englishText).toMatch(LATIN_DIGIT);
    expect(englishText).toContain(en.parcel.landArea);
    await screenshot(page, 'cartable-en');

    await switchLanguage(page, 'Tiếng Việt', vi.cartable.title);
    expect(await page.getByText(vi.cartable.parcels).isVisible()).toBe(true);
    await expectParcelRows(page, expectedParcels);
    await screenshot(page, 'cartable-vi');

    await page.reload();
    await page.getByRole('heading', { name: vi.cartable.title }).waitFor();
    await expectParcelRows(page, expectedParcels);

    await switchLanguage(page, 'فارسی', fa.cartable.title);
    await page.getByTestId('renewal-code').first().click();
    await page.waitForURL('**/cartable/parcels/*');
    await page.getByTestId('owners-table').waitFor();
    expect(await page.getByTestId('owners-table').textContent()).toContain(citizen.fullName);
    await screenshot(page, 'parcel-fa');

    const inbox = await context.newPage();
    await inbox.goto('/dev/sms');
    await inbox.getByTestId('sms').first().waitFor();
    await screenshot(inbox, 'dev-sms-fa');
    await context.close();
  });
});
