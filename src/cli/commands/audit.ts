import { listAuditedMunicipalities } from '../../server/modules/audit/repository.js';
import { verifyAuditChain } from '../../server/modules/audit/verify-audit.js';
import { openCommandDatabase } from '../open-database.js';

export async function run(args: string[]): Promise<number> {
  if (args[0] !== 'verify') {
    process.stderr.write('Usage: npm run cli -- audit verify\n');
    return 1;
  }
  const handle = await openCommandDatabase();
  try {
    let failed = 0;
    for (const municipalityId of await listAuditedMunicipalities(handle.db)) {
      const result = await verifyAuditChain(handle.db, municipalityId);
      if (result.ok) {
        process.stdout.write(
          `ok       ${municipalityId}: ${result.rows} rows in ${result.chains} chains, all intact\n`,
        );
      } else {
        failed++;
        process.stdout.write(`TAMPERED ${municipalityId}: ${result.rows} rows\n`);
        for (const problem of result.problems)
          process.stdout.write(`  chain ${problem.chain} seq ${problem.seq}: ${problem.problem}\n`);
      }
    }
    return failed === 0 ? 0 : 2;
  } finally {
    await handle.close();
  }
}
