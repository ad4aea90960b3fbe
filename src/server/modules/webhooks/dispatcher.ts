import type { FastifyBaseLogger } from 'fastify';
import { signWebhook } from '../../../shared/webhooks/index.js';
import type { Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { PollTimer } from '../../jobs/poll-timer.js';
import { nextAttemptAt } from './backoff.js';
import { type PostResult, postWebhook } from './post-webhook.js';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  findSendingEndpoint,
  recordAttempt,
} from './repository.js';
import { openWebhookSecret } from './secrets.js';

/** Deliveries sent at once by one process (each to a different client). */
const MAX_IN_FLIGHT = 8;
const POLL_WHILE_BUSY_MS = 500;

export interface DispatcherOptions {
  timeoutSeconds: number;
  allowPrivateNetworks: boolean;
  keySecret: string | undefined;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends due webhook deliveries from the `webhook_deliveries` table, several at once and at most one per client at
 * a time, so a slow receiver (up to the timeout) never holds up the others or the job runner (ADR 0015). A row is
 * claimed with a lease before sending, so deliveries survive restarts and crashes: at least once, never lost.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly poll = new PollTimer(
    () => this.runDue(),
    (err: unknown) => this.log.error({ err }, 'webhook dispatcher failed'),
  );
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly options: DispatcherOptions,
  ) {}

  /**
   * Sends everything due now and waits for the answers; returns how many attempts were made. `municipalityId`
   * keeps to one municipality (tests, which share one PostgreSQL database between files, call it so).
   */
  runDue(scope: { municipalityId?: string } = {}): Promise<number> {
    if (scope.municipalityId) return this.drain(scope.municipalityId);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(municipalityId?: string): Promise<number> {
    let attempted = 0;
    for (;;) {
      const free = MAX_IN_FLIGHT - this.inFlight.size;
      const leaseMs = (this.options.timeoutSeconds + 50) * 1000;
      const claimed =
        free > 0 ? await claimDueDeliveries(this.db, this.clock.now(), free, leaseMs, municipalityId) : [];
      for (const delivery of claimed) {
        const sending: Promise<void> = this.attempt(delivery)
          .catch((err: unknown) => this.log.error({ err, delivery: delivery.id }, 'webhook attempt failed'))
          .finally(() => this.inFlight.delete(sending));
        this.inFlight.add(sending);
      }
      attempted += claimed.length;
      if (this.inFlight.size === 0) return attempted;
      // Wait for an answer, but keep claiming for other clients while a slow receiver holds its slot.
      await Promise.race([...this.inFlight, pause(POLL_WHILE_BUSY_MS)]);
    }
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const owner = { municipalityId: delivery.municipality_id, apiClientId: delivery.api_client_id };
    const endpoint = await findSendingEndpoint(this.db, owner);
    const gone = !endpoint ? 'endpoint deleted' : endpoint.revoked_at ? 'client revoked' : null;
    const disabled = endpoint && !endpoint.enabled ? 'endpoint disabled' : null;
    if (!endpoint || gone || disabled) {
      await recordAttempt(this.db, delivery.id, {
        status: 'failed',
        httpStatus: null,
        error: gone ?? disabled,
        nextAttemptAt: null,
        deliveredAt: null,
      });
      return;
    }
    const result = await this.send(delivery, endpoint).catch((err: unknown) => ({
      status: null,
      error: (err as Error).message,
    }));
    const now = this.clock.now();
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const retryAt = ok ? null : nextAttemptAt(delivery.attempts, now);
    await recordAttempt(this.db, delivery.id, {
      status: ok ? 'delivered' : retryAt ? 'pending' : 'failed',
      httpStatus: result.status,
      error: ok ? null : (result.error ?? `receiver answered ${result.status}`),
      nextAttemptAt: retryAt,
      deliveredAt: ok ? now : null,
    });
    if (!ok)
      this.log.warn(
        { delivery: delivery.id, attempts: delivery.attempts, status: result.status, error: result.error },
        'webhook delivery failed',
      );
  }

  private async send(
    delivery: ClaimedDelivery,
    endpoint: { url: string; secret: string },
  ): Promise<PostResult> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const secret = openWebhookSecret(endpoint.secret, this.options.keySecret);
    return postWebhook(
      endpoint.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Shahrvand-Webhooks/1',
        'webhook-id': delivery.event_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, delivery.event_id, timestamp, body),
      },
      body,
      {
        timeoutMs: this.options.timeoutSeconds * 1000,
        allowPrivateNetworks: this.options.allowPrivateNetworks,
      },
    );
  }

  /** Polls every `intervalMs` until stopped. */
  start(intervalMs = 2_000): void {
    this.poll.start(intervalMs);
  }

  async stop(): Promise<void> {
    this.poll.stop();
    await this.running;
  }
}
