import { sql } from 'kysely';
import type { Db } from '../../../db/schema.js';

const SAMPLE = 20;

export async function accountBalances(db: Db, municipalityId: string) {
  const { rows } = await sql<{ account: string; balance: string; lines: string }>`
    SELECT account, sum(amount_rials)::text AS balance, count(*)::text AS lines
    FROM ledger_lines WHERE municipality_id = ${municipalityId} GROUP BY account ORDER BY account`.execute(
    db,
  );
  return rows;
}

export async function unbalancedEntries(db: Db, municipalityId: string) {
  const { rows } = await sql<{ entry_id: string; sum: string | null }>`
    SELECT e.id AS entry_id, sum(l.amount_rials)::text AS sum
    FROM ledger_entries e LEFT JOIN ledger_lines l ON l.entry_id = e.id
    WHERE e.municipality_id = ${municipalityId}
    GROUP BY e.id
    HAVING count(l.id) < 2 OR sum(l.amount_rials) <> 0
    LIMIT ${SAMPLE}`.execute(db);
  return rows;
}

/** Bills whose state does not match their receivable in the ledger. */
export async function billsOutOfStep(db: Db, municipalityId: string) {
  const { rows } = await sql<{
    id: string;
    bill_id: string;
    state: string;
    principal_rials: string;
    balance: string;
    charged: string;
  }>`
    WITH r AS (
      SELECT l.bill_id, sum(l.amount_rials) AS balance,
        coalesce(sum(l.amount_rials) FILTER (WHERE e.kind = 'charge'), 0) AS charged
      FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id
      WHERE l.municipality_id = ${municipalityId} AND l.account = 'dues_receivable'
      GROUP BY l.bill_id
    )
    SELECT b.id, b.bill_id, b.state, b.principal_rials::text, coalesce(r.balance, 0)::text AS balance,
      coalesce(r.charged, 0)::text AS charged
    FROM bills b LEFT JOIN r ON r.bill_id = b.id
    WHERE b.municipality_id = ${municipalityId} AND (
      coalesce(r.charged, 0) <> b.principal_rials
      OR (b.state = 'open' AND coalesce(r.balance, 0) <> b.principal_rials)
      OR (b.state <> 'open' AND coalesce(r.balance, 0) <> 0)
      OR (b.state = 'paid' AND NOT EXISTS (
        SELECT 1 FROM payments p JOIN payment_items i ON i.payment_id = p.id
        WHERE p.id = b.paid_by_payment_id AND p.state = 'paid' AND i.bill_id = b.id))
    )
    LIMIT ${SAMPLE}`.execute(db);
  return rows;
}

/** Payments whose state does not match what the ledger recorded for them (each is recorded at most once). */
export async function paymentsOutOfStep(db: Db, municipalityId: string) {
  const { rows } = await sql<{
    id: string;
    state: string;
    amount_rials: string;
    payment_entries: number;
    clearing: string;
    refunds: string;
  }>`
    WITH totals AS (
      SELECT e.payment_id,
        count(DISTINCT e.id) FILTER (WHERE e.kind = 'payment')::int AS payment_entries,
        coalesce(sum(l.amount_rials) FILTER (WHERE l.account = 'gateway_clearing'), 0) AS clearing,
        coalesce(sum(l.amount_rials) FILTER (WHERE l.account = 'payer_refunds'), 0) AS refunds
      FROM ledger_entries e JOIN ledger_lines l ON l.entry_id = e.id
      WHERE e.municipality_id = ${municipalityId} AND e.payment_id IS NOT NULL
      GROUP BY e.payment_id
    )
    SELECT p.id, p.state, p.amount_rials::text, coalesce(t.payment_entries, 0) AS payment_entries,
      coalesce(t.clearing, 0)::text AS clearing, coalesce(t.refunds, 0)::text AS refunds
    FROM payments p LEFT JOIN totals t ON t.payment_id = p.id
    WHERE p.municipality_id = ${municipalityId} AND NOT (
      (p.state = 'paid' AND coalesce(t.payment_entries, 0) = 1 AND t.clearing = p.amount_rials AND t.refunds = 0)
      OR (p.state = 'refund_pending' AND coalesce(t.payment_entries, 0) = 1 AND t.clearing = p.amount_rials
          AND t.refunds = -p.amount_rials)
      OR (p.state = 'refunded' AND coalesce(t.payment_entries, 0) = 1 AND t.clearing = 0 AND t.refunds = 0)
      OR (p.state IN ('created', 'pending', 'failed') AND t.payment_id IS NULL)
    )
    LIMIT ${SAMPLE}`.execute(db);
  return rows;
}

/** The municipalities that have books (all of them, or the one with `code`). */
export async function municipalitiesWithLedger(db: Db, code?: string) {
  const { rows } = await sql<{ id: string; code: string }>`
    SELECT m.id, m.code FROM municipalities m
    WHERE (EXISTS (SELECT 1 FROM ledger_entries e WHERE e.municipality_id = m.id)
       OR EXISTS (SELECT 1 FROM bills b WHERE b.municipality_id = m.id)
       OR EXISTS (SELECT 1 FROM payments p WHERE p.municipality_id = m.id))
      AND (${code ?? null}::text IS NULL OR m.code = ${code ?? null}::text)
    ORDER BY m.code`.execute(db);
  return rows;
}
