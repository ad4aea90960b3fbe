import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../src/server/db/connection.js';
import type { BBox } from '../../src/server/gis/types.js';
import { ZoningIndexRegistry } from '../../src/server/modules/zoning/zoning-index.js';
import { cpuSeconds, freePort, startProcess, stopProcess, waitFor200 } from '../lib/processes.js';
import { summariseCpuProfile } from './cpu-profile.js';
import { lookupPoints } from './in-process.js';

// `npx tsx bench/zoning/quick-load.ts DATABASE_URL CITY_CODE [seconds] [--profile DIR [--hits|--misses]]`:
// the lookup API alone against a city seeded beforehand (`npm run cli -- seed --municipality CITY_CODE`), beside
// the bare route and /healthz, for tuning. Each scenario runs ROUNDS times (3), interleaved; it prints the best
// req/s and the least server CPU per request of each (on a shared machine, neighbours only ever add to the CPU a
// request seems to cost). SCENARIOS=healthz,hits limits the scenarios. With --profile, one load under
// --cpu-prof instead (its .cpuprofile lands in DIR). COMPARE_WITH=DIR also starts the server of another copy of the
// tree (e.g. `git archive` of the commit before a change, with node_modules linked) and interleaves its scenarios,
// prefixed "base:", with this tree's: the fairest before/after on a machine whose neighbours come and go.

const [url, code, secondsText] = process.argv.slice(2);
if (!url || !code) throw new Error('usage: quick-load.ts DATABASE_URL CITY_CODE [seconds] [--profile DIR]');
const seconds = Number(secondsText ?? 5);
const profileAt = process.argv.indexOf('--profile');
const profileDir = profileAt > 0 ? process.argv[profileAt + 1] : null;

const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
const municipality = await handle.db
  .selectFrom('municipalities')
  .select('id')
  .where('code', '=', code)
  .executeTakeFirstOrThrow();
const indexes = await new ZoningIndexRegistry(handle.db).get(municipality.id);
await handle.close();
const { points, hits, misses } = lookupPoints(indexes, indexes.extent as BBox, 5_000, 11);

const root = path.resolve(import.meta.dirname, '../..');
const barePort = await freePort();
const appPort = await freePort();
const bare = startProcess(process.execPath, ['--import', 'tsx', path.join(root, 'bench/bare-server.ts')], {
  PORT: String(barePort),
});
const startApp = (tree: string, port: number) =>
  startProcess(
    process.execPath,
    [
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      '--import',
      'tsx',
      path.join(tree, 'src/server/main.ts'),
    ],
    {
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      SEED_DEMO_CITY: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      DEFAULT_MUNICIPALITY: code,
      PAYMENT_SANDBOX: 'false', // its fixed port would collide with the other server's
    },
  );
const app = startApp(root, appPort);
const compareTree = profileDir ? undefined : process.env.COMPARE_WITH;
const basePort = await freePort();
const base = compareTree ? startApp(path.resolve(compareTree), basePort) : null;

interface Run {
  rps: number;
  p99: number;
  cpuUs: number;
}

const lookupPath = ([lng, lat]: [number, number]) =>
  `/api/v1/zoning/lookup?lat=${lat}&lng=${lng}&municipality=${code}`;

/** One autocannon run; lookups are built once per connection (a random sample each), as bench:zoning does. */
async function load(pid: number | undefined, target: string, from?: [number, number][]): Promise<Run> {
  const before = cpuSeconds(pid);
  const pick = () => lookupPath(from?.[Math.floor(Math.random() * from.length)] ?? [0, 0]);
  const result = await autocannon({
    url: target,
    connections: 50,
    duration: seconds,
    ...(from && {
      requests: [{ method: 'GET', path: pick() }],
      setupClient: (client) =>
        client.setRequests(Array.from({ length: 400 }, () => ({ method: 'GET' as const, path: pick() }))),
    }),
  });
  return {
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    cpuUs: ((cpuSeconds(pid) - before) * 1e6) / Math.max(1, result.requests.total),
  };
}

try {
  const appUrl = `http://127.0.0.1:${appPort}`;
  await waitFor200(`http://127.0.0.1:${barePort}/bare`);
  const baseUrl = `http://127.0.0.1:${basePort}`;
  const servers: [string, number | undefined, string][] = [['', app.pid, appUrl]];
  if (base) servers.unshift(['base:', base.pid, baseUrl]);
  for (const [, pid, target] of servers) {
    await waitFor200(`${target}/healthz`);
    await (await fetch(`${target}${lookupPath(hits[0])}`)).text(); // waits for the index build
    await load(pid, target, points); // warm-up
  }
  if (profileDir) {
    const from = process.argv.includes('--hits') ? hits : process.argv.includes('--misses') ? misses : points;
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const run = await load(app.pid, appUrl, from);
    const toUs = Number(process.hrtime.bigint() / 1000n);
    console.log(`profiled load: ${run.rps} req/s, p99 ${run.p99} ms, ${run.cpuUs.toFixed(1)} µs CPU/request`);
    await stopProcess(app);
    console.log(summariseCpuProfile(profileDir, { fromUs, toUs }, 40));
  } else {
    const scenarios: [string, () => Promise<Run>][] = [
      ['bare', () => load(bare.pid, `http://127.0.0.1:${barePort}/bare`)],
    ];
    for (const [prefix, pid, target] of servers)
      scenarios.push(
        [`${prefix}healthz`, () => load(pid, `${target}/healthz`)],
        [`${prefix}mixed`, () => load(pid, target, points)],
        [`${prefix}hits`, () => load(pid, target, hits)],
        [`${prefix}misses`, () => load(pid, target, misses)],
        // One point on a parcel, every time: the same work with warm caches and one JSON text, for comparison.
        [`${prefix}samehit`, () => load(pid, `${target}${lookupPath(hits[0])}`)],
      );
    const only = process.env.SCENARIOS?.split(',');
    const chosen = scenarios.filter(
      ([label]) => label === 'bare' || !only || only.includes(label.replace('base:', '')),
    );
    const runs = new Map<string, Run[]>();
    for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++)
      for (const [label, run] of chosen) runs.set(label, [...(runs.get(label) ?? []), await run()]);
    const best = (label: string) => {
      const all = runs.get(label) ?? [];
      return {
        rps: Math.max(...all.map((r) => r.rps)),
        cpuUs: Math.min(...all.map((r) => r.cpuUs)),
        p99: Math.min(...all.map((r) => r.p99)),
      };
    };
    const baseline = best('bare');
    for (const [label] of chosen) {
      const r = best(label);
      console.log(
        `${label.padEnd(13)} ${String(r.rps).padStart(7)} req/s (${(r.rps / baseline.rps).toFixed(2)} of bare)  ` +
          `${r.cpuUs.toFixed(1).padStart(6)} µs CPU/request (bare/this ${(baseline.cpuUs / r.cpuUs).toFixed(2)})  ` +
          `p99 ${r.p99} ms`,
      );
    }
  }
} finally {
  await stopProcess(app);
  if (base) await stopProcess(base);
  await stopProcess(bare);
}
