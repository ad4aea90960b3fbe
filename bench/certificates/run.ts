import { scratchPostgres } from '../lib/scratch-postgres.js';
import { benchApi, benchIssuance, prepare } from './db-and-api.js';
import { benchPdf, benchSigning } from './pdf-and-crypto.js';

// `npm run bench:certificates [-- --seconds S] [-- --workers K] [-- --postgres URL] [-- --no-db]`:
// certificate PDFs rendered per second on one core (beside the same document as plain pdfkit text), Ed25519
// signatures and offline verifications per second (beside node:crypto's bare Ed25519), issuance transactions
// on PostgreSQL (beside a transaction of as many plain inserts), and the verification API (beside a bare
// Fastify route). Each figure has its baseline from the same run: the machine is shared. Loopback only; the
// scratch database is dropped at the end.

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const seconds = Number(option('--seconds') ?? 10);
const workers = Number(option('--workers') ?? 8);
const serverUrl = option('--postgres') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (new URL(serverUrl).hostname !== '127.0.0.1') throw new Error('--postgres must be a server on 127.0.0.1');

console.log(
  `# Certificates benchmark (${new Date().toISOString()}, ${seconds} s per figure, Node ${process.version})`,
);
await benchPdf(seconds);
await benchSigning(seconds);
if (!process.argv.includes('--no-db')) {
  const scratch = await scratchPostgres(serverUrl);
  try {
    const prepared = await prepare(scratch.url, workers);
    await benchIssuance(prepared, seconds, workers);
    await benchApi(prepared, scratch.url, seconds);
    await prepared.db.destroy();
  } finally {
    await scratch.drop();
  }
}
