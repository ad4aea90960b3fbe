import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS, DEMO_PASSWORD } from '../../src/server/modules/demo-city/demo-accounts.js';
import { toPersianDigits } from '../../src/shared/digits.js';
import type { Inquiry } from '../../src/web/api/inquiries.js';
import type { OwnedParcel, Parcel } from '../../src/web/api/parcels.js';
import fa from '../../src/web/i18n/fa.json' with { type: 'json' };
import { pdfText } from '../pdf-tools.js';
import { screenshot } from './browser.js';
import { canRun, signInCitizen, useBrowser } from './journey.js';

// The sixth demo citizen signs in only here: one sign-in code a minute per mobile.
const citizen = DEMO_CITIZENS[5];
const JOURNEY_TIMEOUT_MS = 150_000;
const PERSIAN_LETTER = /[\u0600-\u06FF]/;
const squeeze = (text: string) => text.replace(/[\s\u200c\u2066-\u2069]+/g, '');

async function getJson<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(path, { headers: { 'accept-language': 'fa' } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Staff and office operators sign in with a username and the demo password; each lands on their home page. */
async function signInWithPassword(page: Page, username: string, home: string): Promise<void> {
  await page.goto('/signin?as=staff');
  await page.getByLabel(fa.signIn.username, { exact: true }).fill(username);
  await page.getByLabel(fa.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: fa.signIn.submit, exact: true }).click();
  await page.waitForURL(`**${home}`);
}

/** Takes a case action through the case page's action button and its dialog. */
async function actOnCasePage(
  page: Page,
  action: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  if (fill) await fill(dialog);
  await dialog.getByTestId('action-submit').click();
  await page.getByTestId('notice').waitFor();
}

async function downloadPdf(page: Page, testId: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).first().click(),
  ]);
  return fs.readFileSync((await download.path()) as string);
}

describe.skipIf(!canRun)('inquiry responses and clearance certificates in the browser', () => {
  const browser = useBrowser();

  it('a notary asks about a parcel with debts, the district visits and approves, the notary downloads the certificate', {
    timeout: JOURNEY_TIMEOUT_MS,
  }, async () => {
    // A district 1 parcel none of the demo citizens owns (every demo parcel has unpaid renewal dues).
    const lookup = await browser.newPage('inquiry-lookup');
    await signInWithPassword(lookup.page, 'd1.manager', '/staff');
    const { parcels } = await getJson<{ parcels: Parcel[] }>(lookup.context, '/api/v1/parcels?limit=60');
    const parcel = parcels[45];
    expect(parcel).toBeDefined();
    await lookup.context.close();

    // The notary office: «Request an inquiry response», by renewal code, typed with Persian digits.
    const office = await browser.newPage('inquiry-office');
    await signInWithPassword(office.page, 'notary12', '/office');
    await office.page.getByTestId('open-inquiries').click();
    await office.page.waitForURL('**/office/inquiries');
    await office.page.getByTestId('inquiry-renewal-code').fill(toPersianDigits(parcel.renewalCode));
    await office.page.getByTestId('inquiry-purpose').click();
    await office.page.getByRole('option', { name: fa.inquiries.purpose.transfer, exact: true }).click();
    await office.page.getByTestId('inquiry-letter-number').fill('۷۷۸۸/د');
    await office.page.getByTestId('inquiry-letter-date').fill('۱۴۰۵/۰۹/۱۰');
    await office.page.getByTestId('inquiry-submit').click();

    // In review, with every condition's reason in Persian; the unpaid dues are the ones not met.
    const answer = office.page.locator('[data-testid="inquiry-answer"][data-status="in_review"]');
    await answer.waitFor();
    const inquiryId = (await answer.getAttribute('data-inquiry-id')) as string;
    const asked = await getJson<Inquiry>(office.context, `/api/v1/inquiries/${inquiryId}`);
    expect(asked).toMatchObject({ status: 'in_review', purpose: 'transfer', letterNumber: '۷۷۸۸/د' });
    expect(asked.letterDate).toBe('2026-12-01');
    const owed = answer.locator('[data-testid="decision-condition"][data-code="nothing_owed"]');
    expect(await owed.getAttribute('data-met')).toBe('false');
    const owedText = (await owed.textContent()) as string;
    expect(owedText).toContain(fa.inquiries.conditions.notMet);
    expect(owedText).toMatch(PERSIAN_LETTER);
    expect(owedText).toContain(
      toPersianDigits(asked.decision.conditions.find((c) => c.code === 'nothing_owed')?.text as string),
    );
    expect(owedText).not.toMatch(/[0-9]/);
    expect(await answer.getByTestId('inquiry-tracking-code').textContent()).toBe(
      toPersianDigits(asked.case.trackingCode as string),
    );
    await office.page.locator(`[data-testid="inquiry-row"][data-inquiry-id="${inquiryId}"]`).waitFor();
    await screenshot(office.page, 'inquiry-office-in-review-fa');

    // The district's inspector opens the case: why it was not issued at once, then records the visit.
    const inspector = await browser.newPage('inquiry-inspector');
    await signInWithPassword(inspector.page, `d${parcel.districtNumber}.inspector`, '/staff');
    await inspector.page.goto(`/cases/${asked.case.id}`);
    const panel = inspector.page.getByTestId('inquiry-panel');
    await panel.locator('[data-code="nothing_owed"][data-met="false"]').waitFor();
    expect(await panel.textContent()).toContain('۷۷۸۸/د');
    await actOnCasePage(inspector.page, 'record_visit_findings', async (dialog) => {
      await dialog.getByLabel(fa.caseActions.findings).fill('یک طبقه مازاد بر پروانه ساخته شده است.');
    });

    // From the case, the parcel's record: the inspector records what the visit found (dated in the Jalali calendar).
    await inspector.page.getByTestId('staff-parcel-link').click();
    await inspector.page.waitForURL(`**/staff/parcels/${parcel.id}`);
    await inspector.page.getByTestId('record-violation').click();
    const form = inspector.page.getByRole('dialog');
    await form.getByTestId('violation-kind').click();
    await inspector.page
      .getByRole('option', { name: fa.inquiries.violationKinds.building_violation, exact: true })
      .click();
    await form.getByTestId('violation-description').fill('احداث یک طبقه مازاد بر پروانه');
    await form.getByTestId('violation-opened-on').fill('۱۴۰۵/۰۹/۱۵');
    await form.getByRole('button', { name: fa.inquiries.violations.save, exact: true }).click();
    const violation = inspector.page.locator('[data-testid="violation-row"][data-open="true"]');
    await violation.getByText('احداث یک طبقه مازاد بر پروانه').waitFor();
    expect(await violation.textContent()).toContain('۱۵ آذر ۱۴۰۵');
    // Closing is for the expert or the district manager.
    expect(await violation.getByTestId('close-violation').count()).toBe(0);
    await inspector.context.close();

    // The district manager approves; the case page then shows the certificate issued.
    const manager = await browser.newPage('inquiry-manager');
    await signInWithPassword(manager.page, `d${parcel.districtNumber}.manager`, '/staff');
    await manager.page.goto(`/cases/${asked.case.id}`);
    await manager.page.getByTestId('visit-findings').waitFor();
    await actOnCasePage(manager.page, 'approve');
    // The certificate, issued at approval, lists the open violation: conditional.

    const issued = await getJson<Inquiry>(manager.context, `/api/v1/inquiries/${inquiryId}`);
    expect(issued.status).toBe('issued');
    expect(issued.certificate?.outcome).toBe('conditional');
    const number = issued.certificate?.number as string;
    await manager.page
      .getByTestId('inquiry-panel')
      .locator(`[data-testid="certificate-number"][data-number="${number}"]`)
      .waitFor();
    await screenshot(manager.page, 'inquiry-case-approved-fa');
    await manager.context.close();

    // The office's list turns to «issued» by itself (it polls while a request is in review); its PDF names the number.
    const row = office.page.locator(`[data-testid="inquiry-row"][data-inquiry-id="${inquiryId}"]`);
    await office.page
      .locator(`[data-testid="inquiry-row"][data-inquiry-id="${inquiryId}"][data-status="issued"]`)
      .waitFor({ timeout: 20_000 });
    await office.page
      .locator(`[data-testid="inquiry-answer"][data-inquiry-id="${inquiryId}"][data-status="issued"]`)
      .waitFor();
    expect(await office.page.getByTestId('certificate-number').textContent()).toBe(toPersianDigits(number));
    await screenshot(office.page, 'inquiry-office-issued-fa');
    const pdf = await downloadPdf(office.page, 'certificate-pdf-fa');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squeeze(pdfText(pdf).join('\n'));
    expect(text.includes(number) || text.includes(toPersianDigits(number))).toBe(true);
    expect(await row.getByTestId('inquiry-row-pdf').count()).toBe(1);
    await office.context.close();
  });

  it('a citizen pays what a parcel owes, gets its clearance certificate and verifies it', {
    timeout: JOURNEY_TIMEOUT_MS,
  }, async () => {
    const { context, page } = await browser.newPage('clearance-citizen');
    await signInCitizen(page, context, citizen);
    const { parcels } = await getJson<{ parcels: OwnedParcel[] }>(context, '/api/v1/me/parcels');
    const parcel = parcels[0];
    await page
      .getByTestId('renewal-code')
      .filter({ hasText: toPersianDigits(parcel.renewalCode) })
      .click();
    await page.waitForURL(`**/cartable/parcels/${parcel.id}`);

    // The parcel owes its renewal dues: the clearance names each bill in Persian digits, with a way to pay.
    await page.getByTestId('request-clearance').click();
    const owes = page.getByTestId('clearance-owes');
    await owes.waitFor();
    const firstBill = (await owes.getByTestId('owed-item').first().getAttribute('data-bill-id')) as string;
    expect(await owes.getByTestId('owed-item').first().textContent()).toContain(toPersianDigits(firstBill));
    await screenshot(page, 'clearance-owes-fa');

    // Paid through the sandbox gateway from the parcel's dues card, the parcel owes nothing.
    const dues = page.getByTestId('parcel-dues');
    await dues.getByTestId('select-all').click();
    await dues.getByTestId('pay-online').click();
    await page.locator('button[value="pay"]').click();
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}\?token=/);
    await page.locator('[data-testid="payment-state"][data-state="paid"]').waitFor();
    await page.goto(`/cartable/parcels/${parcel.id}`);
    await page.getByTestId('parcel-dues').getByTestId('nothing-owed').waitFor();

    await page.getByTestId('request-clearance').click();
    const certificate = page.getByTestId('clearance').getByTestId('certificate');
    await certificate.waitFor();
    const number = (await certificate
      .getByTestId('certificate-number')
      .getAttribute('data-number')) as string;
    expect(await certificate.getByTestId('certificate-number').textContent()).toBe(toPersianDigits(number));
    await screenshot(page, 'clearance-issued-fa');

    // Its verification page (what the QR code opens) says it is valid.
    await certificate.getByTestId('certificate-verify').click();
    await page.waitForURL('**/verify#*');
    await page.locator('[data-testid="verification-result"][data-result="valid"]').waitFor();
    expect(await page.getByTestId('verification').textContent()).toContain(number);
    await screenshot(page, 'clearance-verified-fa');
    await context.close();
  });
  it('an administrator publishes a dated version of the inquiry settings; a day in the past is refused', {
    timeout: JOURNEY_TIMEOUT_MS,
  }, async () => {
    const { context, page } = await browser.newPage('inquiry-settings-admin');
    await signInWithPassword(page, 'admin', '/admin');
    await page.getByRole('tab', { name: fa.inquiries.settings.navLabel }).click();
    await page.waitForURL('**/admin/inquiry-settings');
    await page.getByTestId('settings-version').first().waitFor();
    const before = await page.getByTestId('settings-version').count();

    await page.getByTestId('settings-effective-from').fill('۱۴۰۰/۰۱/۰۱');
    await page.getByTestId('settings-publish').click();
    await page.getByTestId('api-error').waitFor();
    expect(await page.getByTestId('settings-version').count()).toBe(before);

    const { today } = await getJson<{ today: string }>(context, '/api/v1/admin/inquiry-settings');
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }).formatToParts(new Date(`${tomorrow}T00:00:00Z`));
    const part = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
    const [year, month, day] = [part('year'), part('month'), part('day')];
    await page.getByTestId('settings-effective-from').fill(toPersianDigits(`${year}/${month}/${day}`));
    await page.getByTestId('settings-responseValidityMonths').fill('۳');
    await page.getByTestId('settings-publish').click();
    await page.locator(`[data-testid="settings-version"][data-effective-from="${tomorrow}"]`).waitFor();
    const { versions } = await getJson<{
      versions: { effectiveFrom: string; responseValidityMonths: number }[];
    }>(context, '/api/v1/admin/inquiry-settings');
    expect(versions.find((v) => v.effectiveFrom === tomorrow)?.responseValidityMonths).toBe(3);
    await screenshot(page, 'inquiry-settings-fa');
    await context.close();
  });
});
