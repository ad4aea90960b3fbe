import type { Db } from '../../../db/schema.js';
import {
  accountBalances,
  billsOutOfStep,
  municipalitiesWithLedger,
  paymentsOutOfStep,
  unbalancedEntries,
} from './check-repository.js';

export interface LedgerCheck {
  municipalityId: string;
  ok: boolean;
  trialBalanceRials: bigint;
  accounts: { account: string; balanceRials: bigint; lines: number }[];
  problems: string[];
}

/**
 * Proves a municipality's books: every entry has at least two lines summing to zero, all accounts sum to zero,
 * every bill's state matches its receivable (open = its principal, anything else = 0, charged exactly once), and
 * every payment is in the ledger as its state says, at most once. Problems are listed, up to 20 of each kind.
 */
export async function checkLedger(db: Db, municipalityId: string): Promise<LedgerCheck> {
  const [balances, entries, bills, payments] = await Promise.all([
    accountBalances(db, municipalityId),
    unbalancedEntries(db, municipalityId),
    billsOutOfStep(db, municipalityId),
    paymentsOutOfStep(db, municipalityId),
  ]);
  const accounts = balances.map((row) => ({
    account: row.account,
    balanceRials: BigInt(row.balance),
    lines: Number(row.lines),
  }));
  const trialBalanceRials = accounts.reduce((sum, row) => sum + row.balanceRials, 0n);
  const problems = [
    ...(trialBalanceRials === 0n ? [] : [`the accounts sum to ${trialBalanceRials} rials, not 0`]),
    ...entries.map((e) => `entry ${e.entry_id} does not balance (sum ${e.sum ?? 'no lines'})`),
    ...bills.map(
      (b) =>
        `bill ${b.bill_id} is ${b.state} with principal ${b.principal_rials}, but the ledger charged ${b.charged} and holds ${b.balance}`,
    ),
    ...payments.map(
      (p) =>
        `payment ${p.id} is ${p.state} for ${p.amount_rials}, but the ledger has ${p.payment_entries} payment entries, clearing ${p.clearing}, refunds ${p.refunds}`,
    ),
  ];
  return { municipalityId, ok: problems.length === 0, trialBalanceRials, accounts, problems };
}

/** The check for every municipality that has books, or only the one with `code`. */
export async function checkAllLedgers(db: Db, code?: string) {
  const municipalities = await municipalitiesWithLedger(db, code);
  const results = [];
  for (const municipality of municipalities)
    results.push({ code: municipality.code, ...(await checkLedger(db, municipality.id)) });
  return results;
}
