import type { Db } from '../../server/db/schema.js';
import { checkAllLedgers } from '../../server/modules/dues/ledger/check-ledger.js';
import { openCommandDatabase } from '../open-database.js';

const rials = new Intl.NumberFormat('en-US');

/** Prints every municipality's books and their problems; 0 when all balance, 2 when any does not. */
export async function reportLedgers(db: Db, write: (line: string) => void): Promise<number> {
  const results = await checkAllLedgers(db);
  if (results.length === 0) write('no books yet: nothing assessed or paid');
  for (const result of results) {
    write(
      `${result.ok ? 'ok        ' : 'UNBALANCED'} ${result.code}: trial balance ${rials.format(result.trialBalanceRials)} rials`,
    );
    for (const account of result.accounts)
      write(
        `  ${account.account.padEnd(18)} ${rials.format(account.balanceRials).padStart(22)} (${account.lines} lines)`,
      );
    for (const problem of result.problems) write(`  ! ${problem}`);
  }
  return results.every((result) => result.ok) ? 0 : 2;
}

export async function run(args: string[]): Promise<number> {
  if (args[0] !== 'check') {
    process.stderr.write('Usage: npm run cli -- ledger check\n');
    return 1;
  }
  const handle = await openCommandDatabase();
  try {
    return await reportLedgers(handle.db, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await handle.close();
  }
}
