import fs from 'node:fs';
import { DEMO_CITIZENS } from '../src/server/modules/demo-city/demo-accounts.js';
import { demoCitizenCookie } from './lib/citizen-session.js';
import { measure, printLoadTable } from './lib/load.js';
import { freePort, startProcess, stopProcess, waitFor200 } from './lib/processes.js';
import { measureStartup } from './startup.js';

// `npm run bench [-- --seconds N]`: start-up times, then request rates of Shahrvand routes beside a bare Fastify
// route measured in the same run (this machine is shared; only ratios within one run mean much).
const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 10;

console.log('## Start-up (npm start → first 200 from /healthz)');
const startup = await measureStartup();
console.log(`cold (empty data folder, migrate + demo city): ${Math.round(startup.coldMs)} ms`);
console.log(`warm (existing data folder): ${Math.round(startup.warmMs)} ms`);

const barePort = await freePort();
const appPort = await freePort();
const bare = startProcess('npx', ['tsx', 'bench/bare-server.ts'], { PORT: String(barePort) });
const app = startProcess('npx', ['tsx', 'src/server/main.ts'], {
  PORT: String(appPort),
  DATA_DIR: startup.dataDir,
  LOG_LEVEL: 'warn',
});
try {
  await waitFor200(`http://127.0.0.1:${barePort}/bare`);
  await waitFor200(`http://127.0.0.1:${appPort}/healthz`);
  const appUrl = `http://127.0.0.1:${appPort}`;
  const cookie = await demoCitizenCookie(appUrl, DEMO_CITIZENS[0]);

  console.log(`\n## Throughput (autocannon, 50 connections, ${seconds} s each, embedded database)`);
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
  fs.rmSync(startup.dataDir, { recursive: true, force: true });
}
