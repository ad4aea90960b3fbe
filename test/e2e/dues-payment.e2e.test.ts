import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS, DEMO_PASSWORD } from '../../src/server/modules/demo-city/demo-accounts.js';
import { toPersianDigits } from '../../src/shared/digits.js';
import type { Bill } from '../../src/web/api/bills.js';
import type { Payment } from '../../src/web/api/payments.js';
import fa from '../../src/web/i18n/fa.json' with { type: 'json' };
import { pdfText } from '../pdf-tools.js';
import { screenshot } from './browser.js';
import { canRun, signInCitizen, useBrowser } from './journey.js';

// Citizens 0-2 and 4 sign in in other journeys running beside this one; a second code within a minute is refused.
const citizen = DEMO_CITIZENS[3];
const squeeze = (text: string) => text.replace(/[\s\u200c\u2066-\u2069]+/g, '');

describe.skipIf(!canRun)('renewal dues in the browser', () => {
  const browser = useBrowser();

  it('a citizen pays a bill through the sandbox gateway and downloads the receipt', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await browser.newPage('dues-payment');
    await signInCitizen(page, context, citizen);
    await page.getByTestId('open-dues').click();
    await page.waitForURL('**/cartable/dues');
    await page.getByTestId('bills-table').first().waitFor();

    // The first bill that can be paid today; the total follows the ticks.
    const row = page
      .getByTestId('bill-row')
      .filter({ has: page.getByTestId('bill-select') })
      .first();
    const billId = (await row.getAttribute('data-bill-id')) as string;
    await row.getByTestId('bill-select').check();
    const { bills } = (await (await context.request.get('/api/v1/bills')).json()) as { bills: Bill[] };
    const bill = bills.find((b) => b.billId === billId) as Bill;
    expect(await page.getByTestId('selected-total').getAttribute('data-amount')).toBe(
      String(bill.quote?.payableRials),
    );
    await screenshot(page, 'dues-bills-fa');

    await page.getByTestId('pay-online').click();
    // The sandbox gateway's StartPay page (another origin, ZarinPal's protocol): pay.
    await page.locator('button[value="pay"]').click();
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}\?token=/);
    await page.locator('[data-testid="payment-state"][data-state="paid"]').waitFor();
    await page.getByTestId('receipt-items').getByText(toPersianDigits(billId)).waitFor();
    await screenshot(page, 'dues-receipt-fa');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('receipt-pdf-fa').click(),
    ]);
    const pdf = fs.readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squeeze(pdfText(pdf).join('\n'));
    expect(text).toContain(squeeze(fa.dues.receipt.title));
    expect(text).toContain(toPersianDigits(billId));

    // The payment is in the history, and the bill is paid.
    const paymentId = new URL(page.url()).pathname.split('/').at(-1) as string;
    await page.getByTestId('history-link').click();
    await page.locator(`[data-testid="payment-row"][data-payment-id="${paymentId}"]`).waitFor();
    const { payments } = (await (await context.request.get('/api/v1/payments')).json()) as {
      payments: Payment[];
    };
    expect(payments.find((p) => p.id === paymentId)).toMatchObject({
      state: 'paid',
      items: [{ billId, amountRials: bill.quote?.payableRials }],
    });
    await context.close();
  });

  it('finance staff run an assessment and watch its progress to the end', { timeout: 120_000 }, async () => {
    const { context, page } = await browser.newPage('dues-assessment');
    await page.goto('/signin?as=staff');
    await page.getByLabel(fa.signIn.username, { exact: true }).fill('finance');
    await page.getByLabel(fa.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: fa.signIn.submit, exact: true }).click();
    await page.waitForURL('**/finance');

    // The demo city is assessed for 1404 and 1405; 1406 bills every parcel under the 1405 tariff.
    await page.getByTestId('assessment-year').fill('۱۴۰۶');
    await page.getByTestId('start-assessment').click();
    const progress = page.locator('[data-testid="assessment-progress"]');
    await progress.waitFor();
    await page.locator('[data-testid="assessment-progress"][data-state="done"]').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('assessment-bar').getAttribute('data-value')).toBe('100');
    await screenshot(page, 'dues-assessment-fa');
    const { runs } = (await (await context.request.get('/api/v1/dues/assessments')).json()) as {
      runs: {
        year: number;
        state: string;
        parcelsDone: number;
        parcelsTotal: number;
        billsCreated: number;
      }[];
    };
    const run = runs.find((r) => r.year === 1406);
    expect(run).toMatchObject({ state: 'done' });
    expect(run?.parcelsDone).toBe(run?.parcelsTotal);
    expect(run?.billsCreated).toBeGreaterThan(0);
    const counts = (await page.getByTestId('assessment-counts').textContent()) as string;
    expect(counts).toContain(new Intl.NumberFormat('fa-IR').format(run?.parcelsTotal ?? -1));
    await context.close();
  });
});
