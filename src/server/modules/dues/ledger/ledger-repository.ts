import { sql } from 'kysely';
import type { Db, LedgerAccount, LedgerEntriesTable } from '../../../db/schema.js';

export interface NewLine {
  account: LedgerAccount;
  /** Debit positive, credit negative. */
  amountRials: bigint;
  parcelId?: string | null;
  billId?: string | null;
}

export interface NewEntry {
  municipalityId: string;
  kind: LedgerEntriesTable['kind'];
  at: Date;
  memo: string;
  paymentId?: string | null;
  billId?: string | null;
  lines: NewLine[];
}

/**
 * Posts one balanced entry: its lines go in one INSERT, which the database's statement trigger checks as well.
 * Zero lines are dropped (a bill without penalty has no penalty line).
 */
export async function postEntry(trx: Db, entry: NewEntry): Promise<string> {
  const lines = entry.lines.filter((line) => line.amountRials !== 0n);
  const sum = lines.reduce((total, line) => total + line.amountRials, 0n);
  if (sum !== 0n || lines.length < 2) throw new Error(`unbalanced ledger entry (${entry.memo}): ${sum}`);
  const row = await trx
    .insertInto('ledger_entries')
    .values({
      municipality_id: entry.municipalityId,
      kind: entry.kind,
      at: entry.at,
      memo: entry.memo,
      payment_id: entry.paymentId ?? null,
      bill_id: entry.billId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('ledger_lines')
    .values(
      lines.map((line) => ({
        municipality_id: entry.municipalityId,
        entry_id: row.id,
        account: line.account,
        parcel_id: line.parcelId ?? null,
        bill_id: line.billId ?? null,
        amount_rials: line.amountRials.toString(),
        at: entry.at,
      })),
    )
    .execute();
  return row.id;
}

/** What each bill still owes in the receivable account, counting only lines dated up to `asOf`. */
export async function receivableByBill(
  db: Db,
  municipalityId: string,
  billIds: readonly string[],
  asOf: Date,
): Promise<Map<string, bigint>> {
  if (billIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ledger_lines')
    .select(['bill_id', sql<string>`sum(amount_rials)`.as('balance')])
    .where('municipality_id', '=', municipalityId)
    .where('account', '=', 'dues_receivable')
    .where('bill_id', 'in', billIds)
    .where('at', '<=', asOf)
    .groupBy('bill_id')
    .execute();
  return new Map(rows.map((row) => [row.bill_id as string, BigInt(row.balance)]));
}

/** A parcel's receivable lines, oldest first: its statement of account. */
export function parcelLedgerLines(db: Db, municipalityId: string, parcelId: string) {
  return db
    .selectFrom('ledger_lines')
    .innerJoin('ledger_entries', 'ledger_entries.id', 'ledger_lines.entry_id')
    .leftJoin('bills', 'bills.id', 'ledger_lines.bill_id')
    .select([
      'ledger_lines.id',
      'ledger_lines.at',
      'ledger_lines.amount_rials',
      'ledger_entries.kind',
      'ledger_entries.memo',
      'ledger_entries.payment_id',
      'bills.bill_id as bill_number',
      'bills.dues_year',
    ])
    .where('ledger_lines.municipality_id', '=', municipalityId)
    .where('ledger_lines.parcel_id', '=', parcelId)
    .where('ledger_lines.account', '=', 'dues_receivable')
    .orderBy('ledger_lines.id')
    .execute();
}
