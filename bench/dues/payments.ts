import type { Db } from '../../src/server/db/schema.js';
import { quoteBills } from '../../src/server/modules/dues/quote.js';
import { ZarinpalGateway } from '../../src/server/modules/payments/gateway/zarinpal-driver.js';
import type { ZarinpalSandbox } from '../../src/server/modules/payments/sandbox/zarinpal-sandbox.js';

export interface LoopFigures {
  done: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

function figures(latencies: number[], errors: number, ms: number): LoopFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { done: sorted.length, perSecond: (sorted.length * 1000) / ms, p50: at(0.5), p99: at(0.99), errors };
}

/** Open bills of the current year with their current payment IDs, as a payer holding the paper bill has them. */
export async function payableBills(db: Db, municipalityId: string, limit: number) {
  const rows = await db
    .selectFrom('bills')
    .select(['id', 'bill_id', 'dues_year', 'tariff_id'])
    .where('municipality_id', '=', municipalityId)
    .where('state', '=', 'open')
    .orderBy('bill_id')
    .limit(limit)
    .execute();
  const quotes = await quoteBills(db, municipalityId, rows, new Date());
  return rows
    .filter((row) => quotes.get(row.id)?.paymentId)
    .map((row) => ({ billId: row.bill_id, paymentId: quotes.get(row.id)?.paymentId as string }));
}

/** Workers paying bills by bill ID through the server, each the whole way: start, pay at the gateway, callback. */
export async function payBillsLoop(
  base: string,
  municipality: string,
  sandbox: ZarinpalSandbox,
  bills: { billId: string; paymentId: string }[],
  workers: number,
  seconds: number,
): Promise<LoopFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const ends = performance.now() + seconds * 1000;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < ends && next < bills.length) {
        const bill = bills[next++];
        const t0 = performance.now();
        try {
          const response = await fetch(`${base}/api/v1/payments/by-bill-id`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ municipality, ...bill }),
          });
          if (response.status !== 201) throw new Error(`start ${response.status}`);
          const { redirectUrl } = (await response.json()) as { redirectUrl: string };
          const callback = sandbox.pay(new URL(redirectUrl).pathname.split('/').at(-1) as string, 'pay');
          const back = await fetch(callback as string, { redirect: 'manual' });
          if (back.status !== 303 || !back.headers.get('location')?.endsWith('state=paid'))
            throw new Error(`callback ${back.status} ${back.headers.get('location')}`);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return figures(latencies, errors, performance.now() - begin);
}

/** The baseline: the same gateway exchange with no merchant behind it (driver → sandbox → verify). */
export async function sandboxOnlyLoop(
  sandbox: ZarinpalSandbox,
  workers: number,
  seconds: number,
): Promise<LoopFigures> {
  const gateway = new ZarinpalGateway({
    baseUrl: () => sandbox.url,
    merchantId: '00000000-0000-4000-8000-000000000000',
  });
  const latencies: number[] = [];
  let errors = 0;
  const ends = performance.now() + seconds * 1000;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < ends) {
        const t0 = performance.now();
        try {
          const token = await gateway.requestPayment({
            amountRials: 1_000_000n,
            callbackUrl: 'http://127.0.0.1:9/callback',
            description: 'baseline',
            orderId: 'x',
          });
          sandbox.pay(token.authority, 'pay');
          const verified = await gateway.verify({ authority: token.authority, amountRials: 1_000_000n });
          if (verified.outcome !== 'paid') throw new Error('not paid');
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return figures(latencies, errors, performance.now() - begin);
}
