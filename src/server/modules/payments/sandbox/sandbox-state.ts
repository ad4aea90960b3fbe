import { randomInt } from 'node:crypto';
import fs from 'node:fs';

/** A payment session at the sandbox gateway, in ZarinPal's own terms. */
export interface SandboxSession {
  authority: string;
  merchantId: string;
  amount: number;
  description: string;
  callbackUrl: string;
  mobile: string | null;
  orderId: string | null;
  createdAt: number;
  status: 'IN_BANK' | 'PAID' | 'VERIFIED' | 'FAILED' | 'REVERSED';
  paidAt: number | null;
  verifiedAt: number | null;
  refId: number | null;
  cardPan: string | null;
}

/** What the payer chose on the gateway page, and so how (or whether) the payer comes back to the merchant. */
export const OUTCOMES = ['pay', 'cancel', 'fail', 'twice', 'late', 'never'] as const;
export type Outcome = (typeof OUTCOMES)[number];

function randomDigits(length: number): string {
  return Array.from({ length }, () => randomInt(10)).join('');
}

/** The sandbox's sessions, kept in memory and, when a file is given, written through to it (development). */
export class SandboxState {
  private readonly sessions = new Map<string, SandboxSession>();
  private nextRefId = 50_000_000 + randomInt(1_000_000);

  constructor(private readonly file: string | null) {
    if (file && fs.existsSync(file)) {
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        sessions: SandboxSession[];
        nextRefId: number;
      };
      for (const session of saved.sessions) this.sessions.set(session.authority, session);
      this.nextRefId = saved.nextRefId;
    }
  }

  create(
    input: Omit<
      SandboxSession,
      'authority' | 'createdAt' | 'status' | 'paidAt' | 'verifiedAt' | 'refId' | 'cardPan'
    >,
  ) {
    const session: SandboxSession = {
      ...input,
      authority: `A${randomDigits(35)}`,
      createdAt: Date.now(),
      status: 'IN_BANK',
      paidAt: null,
      verifiedAt: null,
      refId: null,
      cardPan: null,
    };
    this.sessions.set(session.authority, session);
    this.save();
    return session;
  }

  get(authority: string): SandboxSession | undefined {
    return this.sessions.get(authority);
  }

  list(): SandboxSession[] {
    return [...this.sessions.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  update(session: SandboxSession, change: Partial<SandboxSession>): SandboxSession {
    Object.assign(session, change);
    this.save();
    return session;
  }

  markPaid(session: SandboxSession): void {
    if (session.status !== 'IN_BANK') return;
    this.update(session, {
      status: 'PAID',
      paidAt: Date.now(),
      refId: this.nextRefId++,
      cardPan: `502229******${randomDigits(4)}`,
    });
  }

  private save(): void {
    if (!this.file) return;
    const temp = `${this.file}.tmp`;
    fs.writeFileSync(
      temp,
      JSON.stringify({ sessions: [...this.sessions.values()], nextRefId: this.nextRefId }),
    );
    fs.renameSync(temp, this.file);
  }
}
