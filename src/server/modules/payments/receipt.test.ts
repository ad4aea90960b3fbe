import { numberToWords } from '@persian-tools/persian-tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/client.js';
import { pdfText, pdfToolsMissing } from '../../../../test/pdf-tools.js';
import { toPersianDigits } from '../../../shared/digits.js';
import { startPaymentTestApp, TEST_PARCEL_DUES } from '../dues/test-support.js';
import { arrive, PAY_YEAR, type PaymentTestApp, payingCity, startPaying } from './test-support.js';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await startPaymentTestApp();
});
afterAll(() => t.close());

// 15 Khordad: within the year, so each bill earns the 10 % prize (rounded down to whole thousands).
const PRIZE = 6_757_000;
const PAYABLE = TEST_PARCEL_DUES - PRIZE;

/** Lines compared without spaces or ZWNJ: Poppler misplaces spaces beside numbers in right-to-left lines. */
const squeeze = (text: string) => text.replace(/[\s\u200c\u2066-\u2069]+/g, '');
const fa = (n: number) => new Intl.NumberFormat('fa-IR').format(n);

async function pdfOf(client: TestClient | null, url: string) {
  const cookie = client?.sessionCookie;
  const response = await t.app.inject({
    method: 'GET',
    url,
    headers: cookie ? { cookie: `sv_session=${cookie}` } : {},
  });
  return { status: response.statusCode, pdf: response.rawPayload, headers: response.headers };
}

/** Alice pays both her bills and comes back from the gateway; the receipt token is in the redirect. */
async function alicePaysBoth() {
  const s = await payingCity(t);
  const alice = await s.signIn(s.alice);
  const started = await startPaying(
    alice,
    s.aliceBills.map((b) => b.id),
  );
  const back = await arrive(t, t.sandbox.pay(started.authority, 'pay') as string);
  const location = new URL(back.headers.location as string, 'http://x');
  const token = location.searchParams.get('token') as string;
  const bills = (await alice.get('/api/v1/bills')).body.bills as { billId: string }[];
  return { s, alice, payment: started.payment, token, location, bills };
}

describe.skipIf(pdfToolsMissing.length > 0)('the receipt PDF', () => {
  it('reads back in Persian in logical order: number, date, payer, bills with their IDs, amounts', async () => {
    const { s, alice, payment, location } = await alicePaysBoth();
    expect(location.pathname).toBe(`/payments/${payment.id}`);
    const receipt = (await alice.get(`/api/v1/payments/${payment.id}/receipt`)).body;
    expect(receipt.receiptNo).toMatch(/^\d+$/);
    expect(receipt.receiptNo).not.toBe(receipt.refId);
    const { status, pdf, headers } = await pdfOf(alice, `/api/v1/payments/${payment.id}/receipt.pdf?lang=fa`);
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/pdf');
    const lines = pdfText(pdf).map(squeeze);
    const text = lines.join('\n');
    /** Each fragment found after the one before it: the page reads right to left, top to bottom, as written. */
    const expectInOrder = (fragments: string[]) => {
      let from = 0;
      for (const fragment of fragments.map(squeeze)) {
        const at = text.indexOf(fragment, from);
        expect(at, `«${fragment}» after position ${from}`).toBeGreaterThanOrEqual(0);
        from = at + fragment.length;
      }
    };
    const items = receipt.items as { billId: string; paymentId: string; plate: { mainPlate: number } }[];
    expectInOrder([
      'رسید پرداخت',
      'شماره رسید',
      toPersianDigits(receipt.receiptNo),
      'تاریخ و ساعت پرداخت',
      `${toPersianDigits(`${PAY_YEAR}/03/15`)} ساعت ۱۲:۰۰`,
      'پرداخت‌کننده',
      s.alice.owner.name,
      toPersianDigits(s.alice.nationalId),
      'مبلغ پرداخت‌شده',
      `${fa(2 * PAYABLE)} ریال`,
      'مبلغ به حروف',
      `${numberToWords(2 * PAYABLE)} ریال`,
      'شماره مرجع تراکنش',
      toPersianDigits(receipt.refId),
      'کارت پرداخت‌کننده',
      receipt.cardPan,
      'قبض‌های پرداخت‌شده',
      ...['قبض', 'کد نوسازی', 'پلاک ثبتی', 'شناسه قبض', 'شناسه پرداخت'],
      // Bill by bill: what it is, the parcel, its bill ID and the payment ID it was paid with.
      ...items.flatMap((item) => [
        'عوارض نوسازی سال',
        'اصلی',
        toPersianDigits(String(item.plate.mainPlate)),
        toPersianDigits(item.billId),
        toPersianDigits(item.paymentId),
      ]),
      'مبالغ (ریال)',
      ...['شناسه قبض', 'اصل', 'جریمه', 'جایزه خوش‌حسابی', 'مبلغ'],
      ...items.flatMap((item) => [
        toPersianDigits(item.billId),
        fa(TEST_PARCEL_DUES),
        '۰',
        fa(PRIZE),
        fa(PAYABLE),
      ]),
      ...['جمع', fa(2 * TEST_PARCEL_DUES), '۰', fa(2 * PRIZE), fa(2 * PAYABLE)],
      'پرداخت با موفقیت انجام و در حساب شهرداری ثبت شد',
    ]);
    // Persian digits throughout, except the masked card and renewal codes, printed exactly as issued.
    const latin = lines.filter((line) => /[0-9]/.test(line));
    // (The test city's name has a Latin tag with digits.)
    const printedExactly = [
      receipt.cardPan,
      s.municipality.code,
      ...s.alice.parcels.map((p) => p.renewal_code),
    ].map(squeeze);
    expect(latin.filter((line) => !printedExactly.some((code) => line.includes(code)))).toEqual([]);

    const english = pdfText((await pdfOf(alice, `/api/v1/payments/${payment.id}/receipt.pdf?lang=en`)).pdf);
    const englishText = english.join(' ');
    expect(english).toContain('Payment receipt');
    expect(englishText).toContain(`Receipt number ${receipt.receiptNo}`);
    expect(englishText).toContain(`Amount paid ${(2 * PAYABLE).toLocaleString('en-US')} rials`);
    for (const item of receipt.items) expect(englishText).toContain(item.billId);
    const vietnamese = pdfText(
      (await pdfOf(alice, `/api/v1/payments/${payment.id}/receipt.pdf?lang=vi`)).pdf,
    );
    expect(vietnamese).toContain('Biên lai thanh toán');
  });
});

describe('who may read a receipt and a payment outcome', () => {
  it("someone else's receipt is 404 (signed in or not); the redirect's token opens it; an unpaid one has none", async () => {
    const { s, payment, token } = await alicePaysBoth();
    const bob = await s.signIn(s.bob);
    const stranger = new TestClient(t.app);
    const url = `/api/v1/payments/${payment.id}/receipt.pdf`;
    expect((await pdfOf(bob, url)).status).toBe(404);
    expect((await pdfOf(null, url)).status).toBe(404);
    expect((await pdfOf(null, `${url}?token=${token}x`)).status).toBe(404);
    expect((await pdfOf(bob, `/api/v1/payments/${payment.id}/receipt`)).status).toBe(404);
    const withToken = await pdfOf(null, `${url}?token=${token}&lang=en`);
    expect(withToken.status).toBe(200);
    expect(withToken.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdfOf(await s.staff(['clerk'], s.district2.id), url)).status).toBe(404);
    expect((await pdfOf(s.finance, url)).status).toBe(200);

    expect((await bob.get(`/api/v1/payments/${payment.id}/outcome`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/payments/${payment.id}/outcome`)).status).toBe(404);
    const outcome = await stranger.get(`/api/v1/payments/${payment.id}/outcome?token=${token}`);
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ state: 'paid', amountRials: 2 * PAYABLE });
    expect(JSON.stringify(outcome.body)).not.toContain(s.alice.nationalId);

    // Bob cancels at the gateway: his result page says so, and there is no receipt.
    const started = await startPaying(bob, [s.bobBills[0].id]);
    const cancelled = await arrive(t, t.sandbox.pay(started.authority, 'cancel') as string);
    const bobToken = new URL(cancelled.headers.location as string, 'http://x').searchParams.get('token');
    const failed = await stranger.get(`/api/v1/payments/${started.payment.id}/outcome?token=${bobToken}`);
    expect(failed.body).toMatchObject({ state: 'failed', failureReason: 'cancelled' });
    expect((await bob.get(`/api/v1/payments/${started.payment.id}/outcome`)).body.state).toBe('failed');
    expect((await pdfOf(bob, `/api/v1/payments/${started.payment.id}/receipt.pdf`)).status).toBe(404);
  });

  it('a receipt paid by bill ID alone names no payer and no parcel', async () => {
    const s = await payingCity(t);
    const alice = await s.signIn(s.alice);
    const bill = (await alice.get(`/api/v1/bills/${s.aliceBills[0].id}`)).body;
    const stranger = new TestClient(t.app);
    const paid = await stranger.post('/api/v1/payments/by-bill-id', {
      municipality: s.municipality.code,
      billId: bill.billId,
      paymentId: bill.quote.paymentId,
    });
    const authority = new URL(paid.body.redirectUrl).pathname.split('/').at(-1) as string;
    const back = await arrive(t, t.sandbox.pay(authority, 'pay') as string);
    const token = new URL(back.headers.location as string, 'http://x').searchParams.get('token');
    const receipt = await stranger.get(`/api/v1/payments/${paid.body.paymentId}/receipt?token=${token}`);
    expect(receipt.body.payer).toEqual({ kind: 'anonymous', nationalId: null, name: null, officeName: null });
    expect(receipt.body.items[0]).toMatchObject({
      billId: bill.billId,
      paymentId: bill.quote.paymentId,
      parcel: null,
      plate: null,
    });
    expect(JSON.stringify(receipt.body)).not.toContain(s.alice.parcels[0].renewal_code);
  });
});
