import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { messagePage, startPayPage } from './sandbox-page.js';
import { OUTCOMES, type Outcome, type SandboxSession, SandboxState } from './sandbox-state.js';

export interface SandboxOptions {
  host?: string;
  port?: number;
  /** The merchant IDs it accepts (36 characters); any 36-character ID when empty. */
  merchantIds?: string[];
  /** Write sessions through to this file, so a restarted development server still knows what was paid. */
  stateFile?: string | null;
  /** How long after payment a reverse is still accepted (ZarinPal: 30 minutes). */
  reverseWindowMs?: number;
  log?: boolean;
}

type Body = Record<string, unknown>;

const reply = (data: Body) => ({ data, errors: [] });
const error = (code: number, message: string) => ({ data: [], errors: { code, message, validations: [] } });

function callbackUrl(session: SandboxSession, status: 'OK' | 'NOK'): string {
  const url = new URL(session.callbackUrl);
  url.searchParams.set('Authority', session.authority);
  url.searchParams.set('Status', status);
  return url.toString();
}

/**
 * A local payment gateway for development and tests that speaks ZarinPal's REST API v4, so the driver under test
 * is the one production uses. Its StartPay page lets a tester pay, cancel, or make the callback say NOK after a
 * payment, arrive twice, arrive late or never. Tests drive the same choices through `pay()`, and can hold a
 * verify answer to stop the merchant between the gateway's success and its own commit.
 */
export class ZarinpalSandbox {
  readonly app: FastifyInstance;
  readonly state: SandboxState;
  private readonly held = new Map<string, { verified: () => void; released: Promise<void> }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private unavailable = 0;
  url = '';

  constructor(private readonly options: SandboxOptions = {}) {
    this.state = new SandboxState(options.stateFile ?? null);
    this.app = Fastify({ logger: options.log ? { level: 'info' } : false });
    this.app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    this.routes();
  }

  async start(): Promise<string> {
    await this.app.listen({ host: this.options.host ?? '127.0.0.1', port: this.options.port ?? 0 });
    const address = this.app.server.address() as AddressInfo;
    this.url = `http://${this.options.host && this.options.host !== '0.0.0.0' ? this.options.host : '127.0.0.1'}:${address.port}`;
    return this.url;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await this.app.close();
  }

  /** The next `times` API calls answer 503, as a gateway that is down. */
  failNextCalls(times: number): void {
    this.unavailable = times;
  }

  /**
   * Holds the answer to the next verify of `authority`: the gateway records the payment as verified, then waits.
   * `verified` resolves at that moment; `release()` lets the answer go (a killed merchant never receives it).
   */
  holdVerify(authority: string): { verified: Promise<void>; release: () => void } {
    let release!: () => void;
    let verified!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const done = new Promise<void>((resolve) => {
      verified = resolve;
    });
    this.held.set(authority, { verified, released });
    return { verified: done, release };
  }

  /**
   * The payer's choice on the gateway page. Returns the callback URL the payer's browser is sent to now, or null
   * when the payer does not come back now (late, never). `twice` and `late` also deliver the callback themselves.
   */
  pay(authority: string, outcome: Outcome, delayMs = 10_000): string | null {
    const session = this.state.get(authority);
    if (session?.status !== 'IN_BANK') return null;
    if (outcome === 'cancel') {
      this.state.update(session, { status: 'FAILED' });
      return callbackUrl(session, 'NOK');
    }
    this.state.markPaid(session);
    switch (outcome) {
      case 'pay':
        return callbackUrl(session, 'OK');
      case 'fail':
        return callbackUrl(session, 'NOK');
      case 'twice':
        this.deliver(callbackUrl(session, 'OK'), 0);
        return callbackUrl(session, 'OK');
      case 'late':
        this.deliver(callbackUrl(session, 'OK'), delayMs);
        return null;
      case 'never':
        return null;
    }
  }

  private deliver(url: string, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fetch(url, { redirect: 'manual' }).catch(() => undefined);
    }, delayMs);
    this.timers.add(timer);
  }

  private merchantProblem(body: Body) {
    const merchantId = String(body.merchant_id ?? '');
    if (merchantId.length !== 36) return error(-9, 'The input params invalid, validation error.');
    const allowed = this.options.merchantIds ?? [];
    if (allowed.length > 0 && !allowed.includes(merchantId))
      return error(-10, 'Terminal is not valid, please check merchant_id or ip address.');
    return null;
  }

  private session(body: Body) {
    const session = this.state.get(String(body.authority ?? ''));
    if (!session) return { problem: error(-54, 'Invalid authority.') };
    if (session.merchantId !== body.merchant_id)
      return { problem: error(-53, 'Session is not this merchant_id session.') };
    return { session };
  }

  private routes(): void {
    const api = (method: string, handler: (body: Body) => Promise<unknown> | unknown) =>
      this.app.post<{ Body: Body }>(`/pg/v4/payment/${method}.json`, async (request, response) => {
        if (this.unavailable > 0) {
          this.unavailable--;
          return response.code(503).send({ message: 'Service Unavailable' });
        }
        const body = request.body ?? {};
        const problem = this.merchantProblem(body);
        const result = problem ?? (await handler(body));
        const failed =
          (result as { errors?: unknown }).errors && !Array.isArray((result as { errors: unknown }).errors);
        return response.code(failed ? 400 : 200).send(result);
      });

    api('request', (body) => {
      const amount = Number(body.amount);
      const url = String(body.callback_url ?? '');
      if (!Number.isSafeInteger(amount) || amount < 1000 || !/^https?:\/\//.test(url) || !body.description)
        return error(-9, 'The input params invalid, validation error.');
      const metadata = (body.metadata ?? {}) as Body;
      const session = this.state.create({
        merchantId: String(body.merchant_id),
        amount,
        description: String(body.description),
        callbackUrl: url,
        mobile: typeof metadata.mobile === 'string' ? metadata.mobile : null,
        orderId: typeof metadata.order_id === 'string' ? metadata.order_id : null,
      });
      return reply({
        code: 100,
        message: 'Success',
        authority: session.authority,
        fee_type: 'Merchant',
        fee: 0,
      });
    });

    api('verify', async (body) => {
      const { session, problem } = this.session(body);
      if (!session) return problem;
      if (Number(body.amount) !== session.amount)
        return error(-50, 'Session is not valid, amounts values is not the same.');
      if (session.status !== 'PAID' && session.status !== 'VERIFIED')
        return error(-51, 'Session is not valid, session is not active paid try.');
      const first = session.status === 'PAID';
      if (first) this.state.update(session, { status: 'VERIFIED', verifiedAt: Date.now() });
      const hold = this.held.get(session.authority);
      if (hold) {
        this.held.delete(session.authority);
        hold.verified();
        await hold.released;
      }
      return reply({
        code: first ? 100 : 101,
        message: first ? 'Paid' : 'Verified',
        ref_id: session.refId,
        card_pan: session.cardPan,
        card_hash: 'sandbox',
        fee_type: 'Merchant',
        fee: 0,
      });
    });

    api('reverse', (body) => {
      const { session, problem } = this.session(body);
      if (!session) return problem;
      if (session.status !== 'VERIFIED' && session.status !== 'PAID')
        return error(-61, 'Session is not in success status.');
      if (Date.now() - (session.paidAt ?? 0) > (this.options.reverseWindowMs ?? 30 * 60_000))
        return error(-63, 'Maximum time for reverse this session is expired.');
      this.state.update(session, { status: 'REVERSED' });
      return reply({ code: 100, message: 'Reversed' });
    });

    api('inquiry', (body) => {
      const { session, problem } = this.session(body);
      if (!session) return problem;
      return reply({ code: 100, message: 'Success', status: session.status });
    });

    api('unVerified', (body) =>
      reply({
        code: 100,
        message: 'Success',
        authorities: this.state
          .list()
          .filter((s) => s.merchantId === body.merchant_id && s.status === 'PAID')
          .map((s) => ({
            authority: s.authority,
            amount: s.amount,
            callback_url: s.callbackUrl,
            referer: '',
            date: new Date(s.paidAt ?? s.createdAt).toISOString(),
          })),
      }),
    );

    this.app.get<{ Params: { authority: string } }>('/pg/StartPay/:authority', async (request, response) => {
      const session = this.state.get(request.params.authority);
      response.type('text/html; charset=utf-8');
      if (!session) return response.code(404).send(messagePage('یافت نشد', 'Unknown authority.'));
      return startPayPage(session);
    });

    this.app.post<{ Params: { authority: string }; Body: Record<string, string> }>(
      '/pg/StartPay/:authority',
      async (request, response) => {
        const outcome = request.body?.outcome as Outcome;
        if (!OUTCOMES.includes(outcome)) return response.code(400).send({ message: 'unknown outcome' });
        const delayMs = Math.min(Math.max(Number(request.body?.delaySeconds ?? 10), 1), 3600) * 1000;
        const next = this.pay(request.params.authority, outcome, delayMs);
        if (next) return response.redirect(next, 303);
        response.type('text/html; charset=utf-8');
        return messagePage(
          'پرداخت انجام شد',
          outcome === 'late'
            ? `The payment is done; the callback will arrive in ${delayMs / 1000} s.`
            : 'The payment is done; the callback will never arrive (reconciliation has to find it).',
        );
      },
    );

    this.app.get('/', async (_request, response) => {
      response.type('application/json');
      return { gateway: 'zarinpal-v4-sandbox', sessions: this.state.list().slice(0, 50) };
    });
  }
}

/** Starts a sandbox on its own port (0: any free one); resolves once it listens. */
export async function startZarinpalSandbox(options: SandboxOptions = {}): Promise<ZarinpalSandbox> {
  const sandbox = new ZarinpalSandbox(options);
  await sandbox.start();
  return sandbox;
}
