import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../src/server/db/connection.js';
import type { BBox } from '../../src/server/gis/types.js';
import { ZoningIndexRegistry } from '../../src/server/modules/zoning/zoning-index.js';
import { freePort, startProcess, stopProcess, waitFor200 } from '../lib/processes.js';
import { lookupPoints } from './in-process.js';

// `tsx bench/zoning/quick-load.ts DATABASE_URL CODE [seconds] [--prof DIR]`: the lookup API alone against an
// existing database (a city seeded beforehand), beside the bare route and /healthz: a quick loop while tuning.
const [url, code, secondsText] = process.argv.slice(2);
const seconds = Number(secondsText ?? 5);
const profIndex = process.argv.indexOf('--prof');
const profDir = profIndex > 0 ? process.argv[profIndex + 1] : null;
const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
const municipality = await handle.db
  .selectFrom('municipalities')
  .select('id')
  .where('code', '=', code)
  .executeTakeFirstOrThrow();
const indexes = await new ZoningIndexRegistry(handle.db).get(municipality.id);
await handle.close();
const { points, hits, misses } = lookupPoints(indexes, indexes.extent as BBox, 5_000, 11);
const barePort = await freePort();
const appPort = await freePort();
const root = path.resolve(import.meta.dirname, '../..');
const bare = startProcess(process.execPath, ['--import', 'tsx', path.join(root, 'bench/bare-server.ts')], {
  PORT: String(barePort),
});
// CPU seconds (user + system) a process has used so far: per request, the cost of a route whatever the load
// of the machine (this one is shared, so req/s alone swings with the neighbours).
const cpuSeconds = (pid: number | undefined): number => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const nodeArgs = [
  ...(profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []),
  ...(process.env.APP_NODE_ARGS ? process.env.APP_NODE_ARGS.split(' ') : []),
];
const app = startProcess(
  process.execPath,
  [...nodeArgs, '--import', 'tsx', path.join(root, 'src/server/main.ts')],
  {
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
    SEED_DEMO_CITY: 'false',
    HOST: '127.0.0.1',
    PORT: String(appPort),
    DEFAULT_MUNICIPALITY: code,
    ...(process.env.EXP ? Object.fromEntries(process.env.EXP.split(',').map((k) => [k, '1'])) : {}),
  },
);
try {
  await waitFor200(`http://127.0.0.1:${barePort}/bare`);
  await waitFor200(`http://127.0.0.1:${appPort}/healthz`);
  const pathOf = ([lng, lat]: [number, number]) =>
    `/api/v1/zoning/lookup?lat=${lat}&lng=${lng}&municipality=${code}`;
  await (await fetch(`http://127.0.0.1:${appPort}${pathOf(hits[0])}`)).text();
  const load = async (label: string, from: [number, number][]) => {
    const result = await autocannon({
      url: `http://127.0.0.1:${appPort}`,
      connections: 50,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({
            ...request,
            path: pathOf(from[Math.floor(Math.random() * from.length)]),
          }),
        },
      ],
    });
    return {
      label,
      rps: Math.round(result.requests.average),
      p99: result.latency.p99,
      non2xx: result.non2xx,
      requests: result.requests.total,
    };
  };
  const withCpu = async <R extends { requests: number }>(pid: number | undefined, run: () => Promise<R>) => {
    const before = cpuSeconds(pid);
    const result = await run();
    return { ...result, cpuUsPerRequest: ((cpuSeconds(pid) - before) * 1e6) / result.requests };
  };
  const bareLoad = async (label: string, url: string) => {
    const r = await autocannon({ url, connections: 50, duration: seconds });
    return {
      label,
      rps: Math.round(r.requests.average),
      p99: r.latency.p99,
      non2xx: r.non2xx,
      requests: r.requests.total,
    };
  };
  await load('warm-up', points);
  if (profDir) {
    const which = process.argv.includes('--misses')
      ? misses
      : process.argv.includes('--hits')
        ? hits
        : points;
    const profiled = process.argv.includes('--healthz')
      ? await bareLoad('healthz', `http://127.0.0.1:${appPort}/healthz`)
      : await load('profiled', which);
    console.log(`profiled load: ${profiled.rps} req/s, p99 ${profiled.p99} ms`);
  }
  if (!profDir) {
    // Each scenario several times, interleaved; the least CPU per request of each is the least disturbed by the
    // neighbours (contention only ever adds to it).
    type Run = Awaited<ReturnType<typeof load>> & { cpuUsPerRequest: number };
    const scenarios: [string, () => Promise<Run>][] = [
      ['bare', () => withCpu(bare.pid, () => bareLoad('bare', `http://127.0.0.1:${barePort}/bare`))],
      ['healthz', () => withCpu(app.pid, () => bareLoad('healthz', `http://127.0.0.1:${appPort}/healthz`))],
      ['lookup mixed', () => withCpu(app.pid, () => load('lookup mixed', points))],
      ['lookup hits', () => withCpu(app.pid, () => load('lookup hits', hits))],
      ['lookup misses', () => withCpu(app.pid, () => load('lookup misses', misses))],
    ];
    const only = process.env.SCENARIOS?.split(',');
    if (only)
      scenarios.splice(
        0,
        scenarios.length,
        ...scenarios.filter(([label]) => label === 'bare' || only.includes(label)),
      );
    const rounds = Number(process.env.ROUNDS ?? 3);
    const runs = new Map<string, Run[]>();
    for (let round = 0; round < rounds; round++)
      for (const [label, run] of scenarios) runs.set(label, [...(runs.get(label) ?? []), await run()]);
    const best = (label: string) => {
      const all = runs.get(label) ?? [];
      return {
        rps: Math.max(...all.map((r) => r.rps)),
        cpu: Math.min(...all.map((r) => r.cpuUsPerRequest)),
        p99: Math.min(...all.map((r) => r.p99)),
      };
    };
    const bareBest = best('bare');
    for (const [label] of scenarios) {
      const r = best(label);
      console.log(
        `${label.padEnd(14)} best ${String(r.rps).padStart(6)} req/s (${(r.rps / bareBest.rps).toFixed(2)})  ` +
          `least CPU ${r.cpu.toFixed(1)} µs/request (bare/this ${(bareBest.cpu / r.cpu).toFixed(2)})  p99 ${r.p99} ms  ` +
          `all: ${(runs.get(label) ?? []).map((x) => `${x.rps}/${x.cpuUsPerRequest.toFixed(0)}µs`).join(' ')}`,
      );
    }
  }
} finally {
  await stopProcess(app);
  await stopProcess(bare);
}
