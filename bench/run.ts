import fs from 'node:fs';
import { DEMO_CITIZENS } from '../src/server/modules/demo-city/demo-accounts.js';
import { demoCitizenCookie } from './lib/citizen-session.js';
import { measure, printLoadTable } from './lib/load.js';
import { freePort, startProcess, stopProcess, waitFor200 } from './lib/processes.js';
import { scratchPostgres } from './lib/scratch-postgres.js';
import { measureStartup } from './startup.js';

// `npm run bench [-- --seconds N] [-- --postgres URL]`: start-up times, then request rates of Shahrvand routes
// beside a bare Fastify route measured in the same run (this machine is shared; only ratios within one run mean
// much). With --postgres the app runs on a scratch database created on that server (and dropped after).
function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const seconds = Number(option('--seconds') ?? 10);
const postgresServer = option('--postgres');

console.log('## Start-up (npm start → first 200 from /healthz, embedded database)');
const startup = await measureStartup();
console.log(`cold (empty data folder, migrate + demo city): ${Math.round(startup.coldMs)} ms`);
console.log(`warm (existing data folder): ${Math.round(startup.warmMs)} ms`);

const scratch = postgresServer ? await scratchPostgres(postgresServer) : null;
const barePort = await freePort();
const appPort = await freePort();
const bare = startProcess('npx', ['tsx', 'bench/bare-server.ts'], { PORT: String(barePort) });
const app = startProcess('npx', ['tsx', 'src/server/main.ts'], {
  PORT: String(appPort),
  DATA_DIR: startup.dataDir,
  LOG_LEVEL: 'warn',
  ...(scratch ? { DATABASE_URL: scratch.url } : {}),
});
try {
  await waitFor200(`http://127.0.0.1:${barePort}/bare`);
  await waitFor200(`http://127.0.0.1:${appPort}/healthz`);
  const appUrl = `http://127.0.0.1:${appPort}`;
  const cookie = await demoCitizenCookie(appUrl, DEMO_CITIZENS[0]);

  const engine = scratch ? 'PostgreSQL' : 'embedded database';
  console.log(`\n## Throughput (autocannon, 50 connections, ${seconds} s each, ${engine})`);
  const baseline = await measure(
    'bare Fastify route (baseline)',
    `http://127.0.0.1:${barePort}/bare`,
    seconds,
  );
  const health = await measure('GET /healthz', `${appUrl}/healthz`, seconds);
  const parcels = await measure(
    "GET /api/v1/me/parcels (citizen's session)",
    `${appUrl}/api/v1/me/parcels`,
    seconds,
    { cookie },
  );
  const baselineAfter = await measure(
    'bare Fastify route (again, after)',
    `http://127.0.0.1:${barePort}/bare`,
    seconds,
  );
  printLoadTable([baseline, health, parcels, baselineAfter], baseline);
} finally {
  await stopProcess(app);
  await stopProcess(bare);
  await scratch?.drop();
  fs.rmSync(startup.dataDir, { recursive: true, force: true });
}
