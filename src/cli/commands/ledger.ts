import type { Db } from '../../server/db/schema.js';
import { checkAllLedgers } from '../../server/modules/dues/ledger/check-ledger.js';
import { openCommandDatabase } from '../open-database.js';

const rials = new Intl.NumberFormat('en-US');

const USAGE = 'Usage: npm run cli -- ledger check [--municipality CODE]\n';

/**
 * Prints the books of every municipality (or of the one with `municipalityCode`) and their problems; 0 when all
 * balance, 2 when any does not.
 */
export async function reportLedgers(
  db: Db,
  write: (line: string) => void,
  municipalityCode?: string,
): Promise<number> {
  const results = await checkAllLedgers(db, municipalityCode);
  if (results.length === 0)
    write(
      municipalityCode
        ? `no books for "${municipalityCode}": nothing assessed or paid there, or no such municipality`
        : 'no books yet: nothing assessed or paid',
    );
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
  const [command, flag, code, ...rest] = args;
  const scoped = flag === '--municipality' && code !== undefined && code !== '';
  if (command !== 'check' || rest.length > 0 || (flag !== undefined && !scoped)) {
    process.stderr.write(USAGE);
    return 1;
  }
  const handle = await openCommandDatabase();
  try {
    return await reportLedgers(
      handle.db,
      (line) => process.stdout.write(`${line}\n`),
      scoped ? code : undefined,
    );
  } finally {
    await handle.close();
  }
}
