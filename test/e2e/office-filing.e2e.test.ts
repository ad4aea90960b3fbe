import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INQUIRY_SERVICE } from '../../src/server/modules/cases/workflow/demo-inquiry.js';
import { DEMO_CITIZENS, DEMO_PASSWORD } from '../../src/server/modules/demo-city/demo-accounts.js';
import type { CaseDetail } from '../../src/web/api/cases.js';
import fa from '../../src/web/i18n/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { canRun, useBrowser } from './journey.js';

const citizen = DEMO_CITIZENS[4];
const OTP_WAIT_MS = 10_000;

async function latestConsentCode(context: BrowserContext, mobile: string): Promise<string> {
  const deadline = Date.now() + OTP_WAIT_MS;
  while (Date.now() < deadline) {
    const response = await context.request.get(`/dev/sms/messages?to=${mobile}`);
    const { messages } = (await response.json()) as { messages: { message: string }[] };
    const code = messages[0]?.message.match(/\b\d{6}\b/)?.[0];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No consent code reached ${mobile} within ${OTP_WAIT_MS} ms`);
}

describe.skipIf(!canRun)(
  "an office files for a citizen, seeing the citizen's properties only after consent",
  () => {
    const browser = useBrowser();

    it('notary: national ID and mobile, the texted consent code, then the citizen’s properties to pick one', {
      timeout: 120_000,
    }, async () => {
      const { context, page } = await browser.newPage('office-filing');
      await page.goto('/signin?as=staff');
      await page.getByLabel(fa.signIn.username, { exact: true }).fill('notary12');
      await page.getByLabel(fa.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: fa.signIn.submit, exact: true }).click();
      await page.waitForURL('**/office');

      await page.getByTestId('file-for-citizen').click();
      await page.getByLabel(fa.signIn.nationalId).fill(citizen.nationalId);
      await page.getByLabel(fa.signIn.mobile).fill(citizen.mobile);
      await page.getByRole('combobox', { name: fa.office.service }).click();
      await page.getByRole('option', { name: INQUIRY_SERVICE.names.fa, exact: true }).click();
      // Before consent there is nothing of the citizen's on the page.
      expect(await page.getByTestId('consented-parcel').count()).toBe(0);
      await page.getByTestId('consent-next').click();
      await page.getByLabel(fa.office.code).fill(await latestConsentCode(context, citizen.mobile));
      await page.getByRole('button', { name: fa.office.continue }).click();

      // The citizen's properties, as the server lists them for this consent.
      await page.getByTestId('consented-parcels').waitFor();
      const owned = (await page.getByTestId('consented-parcel').count()) as number;
      expect(owned).toBeGreaterThan(0);
      await screenshot(page, 'office-consented-parcels-fa');
      await page.getByTestId('consented-parcel').first().click();
      await page.getByTestId('office-create').click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      const caseId = page.url().split('/').at(-1)!;
      const filed = (await (await context.request.get(`/api/v1/cases/${caseId}`)).json()) as CaseDetail;
      expect(filed.applicant.nationalId).toBe(citizen.nationalId);
      expect(filed.consent).toBe('otp');
      await context.close();
    });
  },
);
