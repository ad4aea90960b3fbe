import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../src/server/db/connection.js';
import type { BBox } from '../../src/server/gis/types.js';
import { ZoningIndexRegistry } from '../../src/server/modules/zoning/zoning-index.js';
import { type LoadResult, measure } from '../lib/load.js';
import { cpuSeconds, freePort, stopProcess, waitFor200 } from '../lib/processes.js';
import { scratchPostgres } from '../lib/scratch-postgres.js';
import { describeActivity, watchBackends } from './backend-activity.js';
import { idleCliRss, runCli, snapshotTree, startInTree } from './children.js';
import { summariseCpuProfile } from './cpu-profile.js';
import { exportParcelsGeoJson } from './export-geojson.js';
import {
  lookupPoints,
  measureIndexBuild,
  measurePointQueries,
  measureWholeLookups,
  randomPoints,
  readParcelGeometries,
} from './in-process.js';
import { lookupBreakdown } from './lookup-breakdown.js';
import { cloneMunicipalityFrame, copyParcelsWithinPostgres } from './municipalities.js';

// `npm run bench:zoning [-- --parcels N] [-- --seconds S] [-- --postgres URL] [-- --db-prefix NAME]`: the zoning module at city scale,
// on a scratch PostgreSQL database (created on the given local server, dropped at the end). Each figure is
// printed beside a baseline measured in the same run: this machine is shared, so only ratios within one run
// mean much. Everything runs on 127.0.0.1; the run stops by itself.

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const parcels = Number((option('--parcels') ?? '1000000').replaceAll('_', ''));
const seconds = Number(option('--seconds') ?? 10);
const serverUrl = option('--postgres') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (!Number.isInteger(parcels) || parcels < 1) throw new Error('--parcels expects a positive integer');
if (new URL(serverUrl).hostname !== '127.0.0.1') throw new Error('--postgres must be a server on 127.0.0.1');

const CITY = 'bench-city';
const IMPORTED = 'bench-import';
const COPIED = 'bench-copy';
const runStarted = performance.now();
const say = (text: string) =>
  process.stderr.write(`[${((performance.now() - runStarted) / 1000).toFixed(0).padStart(5)} s] ${text}\n`);
const out = (text = '') => process.stdout.write(`${text}\n`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const secs = (ms: number) => `${fmt(ms / 1000, 1)} s`;
const per100k = (ms: number, n: number) => `${fmt(((ms / n) * 100_000) / 1000, 1)} s per 100k`;
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');

interface Row {
  what: string;
  value: string;
  baseline: string;
  ratio: string;
}
const rows: Row[] = [];
const row = (what: string, value: string, baseline = '—', r = '—') =>
  rows.push({ what, value, baseline, ratio: r });

/** Waits for the server's first 200, failing at once if it exits first (e.g. a migration it refuses). */
async function serving(child: ChildProcess, url: string): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before answering ${url}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([waitFor200(url, 300_000), exited]);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-bench-zoning-'));
snapshotTree(workDir);
// Its own name: a database named like other benchmarks' scratch databases was dropped under a run once.
const scratch = await scratchPostgres(serverUrl, option('--db-prefix') ?? 'shahrvand_zoning_bench');
const env = { DATABASE_URL: scratch.url, LOG_LEVEL: 'warn', SEED_DEMO_CITY: 'false' };
let handle: Awaited<ReturnType<typeof openDatabase>> | null = null;
const servers: ChildProcess[] = [];
async function cleanUp() {
  for (const server of servers.splice(0)) await stopProcess(server);
  await handle?.close();
  handle = null;
  await scratch.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping the servers and dropping the scratch database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const git = (args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};
out(`# Zoning benchmark: ${fmt(parcels)} parcels`);
out();
out(
  `Tree: ${git(['rev-parse', '--short', 'HEAD'])} with ${git(['status', '--porcelain', 'src']).split('\n').filter(Boolean).length} ` +
    'uncommitted changes under src/, copied at the start: the seed, server and importer run that copy.',
);
out();
out(
  `${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'} · ` +
    `${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM · load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);

try {
  // 1. Seeding --------------------------------------------------------------------------------------------
  say('idle CLI process (baseline RSS)…');
  const idleRss = await idleCliRss('seed', workDir);
  handle = await openDatabase({ databaseUrl: scratch.url, poolSize: 10 });
  const { pool, db } = handle;
  say(`seeding ${fmt(parcels)} parcels (CLI child process)…`);
  const seedWatch = watchBackends(pool);
  const seed = await runCli(['seed', '--parcels', String(parcels), '--municipality', CITY], env, workDir);
  const seedActivity = seedWatch.stop();
  const summary = seed.stdout.split('\n').find((line) => line.startsWith('Seeded')) ?? '';
  const cityId = summary.match(/\(([0-9a-f-]{36})\)/)?.[1];
  if (!cityId) throw new Error(`No summary line from the seed: ${seed.stdout}`);
  const seedSelfRss = Number(summary.match(/peak RSS (\d+) MiB/)?.[1] ?? Number.NaN);
  out();
  out(`Seed summary line: ${summary.trim()}`);
  say(summary.trim());

  const counts = (
    await pool.query<{ parcels: string; zoned: string; overlaid: string }>(
      `SELECT (SELECT count(*) FROM parcels WHERE municipality_id = $1) AS parcels,
              (SELECT count(*) FROM parcel_zones WHERE municipality_id = $1) AS zoned,
              (SELECT count(DISTINCT parcel_id) FROM parcel_overlays WHERE municipality_id = $1) AS overlaid`,
      [cityId],
    )
  ).rows[0];
  out(
    `Seeded city: ${fmt(Number(counts.parcels))} parcels, ${fmt(Number(counts.zoned))} zoned, ${fmt(Number(counts.overlaid))} touched by an overlay.`,
  );
  const tableSize = (
    await pool.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('parcels')) AS size`)
  ).rows[0].size;

  // 2. Index build ---------------------------------------------------------------------------------------
  // Until a table is analysed, PostgreSQL guesses its size, and the keyset pages (id > $last ORDER BY id LIMIT n)
  // may be planned as a bitmap scan + sort of every remaining row, so reading all parcels turned quadratic (133 s
  // at 1M). The seed and the imports now run ANALYZE themselves: the first build, measured before the bench runs
  // its own ANALYZE, is what a server started right after a seed meets.
  const settings = (
    await pool.query<{ autovacuum: string; reltuples: number }>(
      `SELECT current_setting('autovacuum') AS autovacuum,
              (SELECT reltuples FROM pg_class WHERE relname = 'parcels') AS reltuples`,
    )
  ).rows[0];
  say('index build right after the seed (before the bench runs ANALYZE), and its baseline read…');
  const afterSeedRead = await readParcelGeometries(pool, cityId);
  const afterSeedStarted = performance.now();
  await new ZoningIndexRegistry(db).get(cityId);
  const afterSeed = { readMs: afterSeedRead.ms, buildMs: performance.now() - afterSeedStarted };
  say('ANALYZE…');
  const analyzeStarted = performance.now();
  await pool.query('ANALYZE');
  const analyzeMs = performance.now() - analyzeStarted;
  say('baseline read of the parcel geometries…');
  const readBefore = await readParcelGeometries(pool, cityId);
  say('building the registry indexes in-process…');
  const build = await measureIndexBuild(db, cityId);
  say('baseline read again…');
  const readAfter = await readParcelGeometries(pool, cityId);
  const readBest = Math.min(readBefore.ms, readAfter.ms);
  const extent = build.indexes.extent as BBox;
  if (!extent) throw new Error('the city has no extent');

  // 3. In-process point lookups -----------------------------------------------------------------------------
  say('in-process point queries…');
  const queryPoints = randomPoints(extent, 1_000_000, 7);
  const pointRates = measurePointQueries(build.indexes, queryPoints);
  const { points, hits, misses } = lookupPoints(build.indexes, extent, 5_000, 11);
  say('whole lookups in-process (no HTTP)…');
  const today = new Date().toISOString().slice(0, 10);
  const whole = await measureWholeLookups(build.registry, db, cityId, points, today);

  // 4. Point-lookup API --------------------------------------------------------------------------------------
  const barePort = await freePort();
  const appPort = await freePort();
  const appEnv = { ...env, HOST: '127.0.0.1', DEFAULT_MUNICIPALITY: CITY };
  // Both servers are node itself (no npx/tsx wrapper process), so their CPU time can be read from /proc.
  const bare = startInTree(workDir, process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], {
    PORT: String(barePort),
  });
  servers.push(bare);
  const app = startInTree(workDir, process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    ...appEnv,
    PORT: String(appPort),
  });
  servers.push(app);
  const bareUrl = `http://127.0.0.1:${barePort}/bare`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  await waitFor200(bareUrl);
  await serving(app, `${appUrl}/healthz`);
  const lookupPath = ([lng, lat]: [number, number]) =>
    `/api/v1/zoning/lookup?lat=${lat}&lng=${lng}&municipality=${CITY}`;
  say('first lookup (the server builds its index)…');
  const firstStarted = performance.now();
  const first = await fetch(`${appUrl}${lookupPath(hits[0])}`);
  const firstMs = performance.now() - firstStarted;
  const firstBody = (await first.json()) as { parcel: unknown; zone: unknown };
  if (first.status !== 200 || !firstBody.parcel)
    throw new Error(`first lookup: ${first.status} ${JSON.stringify(firstBody).slice(0, 300)}`);
  const secondStarted = performance.now();
  await (await fetch(`${appUrl}${lookupPath(misses[0])}`)).json();
  const secondMs = performance.now() - secondStarted;
  const meanBytes = async (sample: [number, number][]) => {
    let bytes = 0;
    for (const point of sample)
      bytes += (await (await fetch(`${appUrl}${lookupPath(point)}`)).arrayBuffer()).byteLength;
    return bytes / sample.length;
  };
  const responseBytes = {
    hit: await meanBytes(hits.slice(0, 20)),
    miss: await meanBytes(misses.slice(0, 20)),
  };
  const bareBytes = (await (await fetch(bareUrl)).arrayBuffer()).byteLength;

  // Each load also reads how much CPU the server spent per request (from /proc): on a shared machine req/s swing
  // with the neighbours, the server's own CPU per request much less.
  const withCpu = async (pid: number | undefined, run: () => Promise<LoadResult>) => {
    const before = cpuSeconds(pid);
    const result = await run();
    return { ...result, cpuUs: ((cpuSeconds(pid) - before) * 1e6) / Math.max(1, result.requests ?? 0) };
  };
  // autocannon builds the bare route's one request once. The lookup requests are built once too: each connection
  // cycles its own random sample of the points (so connections do not ask for the same point at once). Building
  // a request per call instead (setupRequest, as the runs before 7 December did) costs the load generator, which
  // shares the two CPUs with the server, as much as the server's work: it is measured once, for comparison.
  const SAMPLE_PER_CONNECTION = 400;
  const lookupLoad = async (
    label: string,
    base: string,
    duration = seconds,
    from: [number, number][] = points,
    rebuildEachRequest = false,
  ): Promise<LoadResult> => {
    const pick = () => lookupPath(from[Math.floor(Math.random() * from.length)]);
    const result = await autocannon({
      url: base,
      connections: 50,
      duration,
      requests: rebuildEachRequest
        ? [{ method: 'GET', setupRequest: (request) => ({ ...request, path: pick() }) }]
        : [{ method: 'GET', path: pick() }],
      setupClient: rebuildEachRequest
        ? undefined
        : (client) =>
            client.setRequests(
              Array.from({ length: SAMPLE_PER_CONNECTION }, () => ({ method: 'GET' as const, path: pick() })),
            ),
    });
    return {
      label,
      requestsPerSecond: Math.round(result.requests.average),
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      requests: result.requests.total,
    };
  };
  say('warming the lookup route (2 s, not reported)…');
  await lookupLoad('warm-up', appUrl, 2);
  say(
    'load: bare route, lookup API (mixed, on parcels, off, requests built per call), /healthz, bare route…',
  );
  const bareBefore = await withCpu(bare.pid, () => measure('bare Fastify route (before)', bareUrl, seconds));
  const lookups = await withCpu(app.pid, () =>
    lookupLoad('GET /api/v1/zoning/lookup (50 % on a parcel)', appUrl),
  );
  const hitLookups = await withCpu(app.pid, () =>
    lookupLoad('lookup, every point on a parcel', appUrl, seconds, hits),
  );
  const missLookups = await withCpu(app.pid, () =>
    lookupLoad('lookup, every point off any parcel', appUrl, seconds, misses),
  );
  const rebuilt = await withCpu(app.pid, () =>
    lookupLoad('lookup, a request built per call', appUrl, seconds, points, true),
  );
  const healthz = await withCpu(app.pid, () => measure('GET /healthz', `${appUrl}/healthz`, seconds));
  const bareAfter = await withCpu(bare.pid, () => measure('bare Fastify route (after)', bareUrl, seconds));
  const bareMean = (bareBefore.requestsPerSecond + bareAfter.requestsPerSecond) / 2;
  const bareCpu = (bareBefore.cpuUs + bareAfter.cpuUs) / 2;
  const apiRatio = lookups.requestsPerSecond / bareMean;
  for (const server of servers.splice(0)) await stopProcess(server);

  // Where the time goes: the route's work without HTTP, then (below half the bare rate) a CPU profile.
  say('lookup breakdown in-process…');
  const breakdown = await lookupBreakdown(
    scratch.url,
    build.registry,
    CITY,
    hits,
    misses,
    Math.min(seconds, 5),
  );
  say('profiling the server under the same load…');
  const profileDir = path.join(workDir, 'cpu-profile');
  fs.mkdirSync(profileDir);
  const port = await freePort();
  const profiled = startInTree(
    workDir,
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', profileDir, '--import', 'tsx', 'src/server/main.ts'],
    { ...appEnv, PORT: String(port) },
  );
  servers.push(profiled);
  await serving(profiled, `http://127.0.0.1:${port}/healthz`);
  await (await fetch(`http://127.0.0.1:${port}${lookupPath(hits[0])}`)).json();
  await lookupLoad('warm-up', `http://127.0.0.1:${port}`, 2);
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const profiledLoad = await lookupLoad('lookup API under --cpu-prof', `http://127.0.0.1:${port}`);
  const toUs = Number(process.hrtime.bigint() / 1000n);
  for (const server of servers.splice(0)) await stopProcess(server);
  const profileText =
    `Under --cpu-prof the lookup API made ${fmt(profiledLoad.requestsPerSecond)} req/s ` +
    `(p99 ${profiledLoad.p99Ms} ms).\n\n${summariseCpuProfile(profileDir, { fromUs, toUs })}`;

  // 5. Import from GeoJSON -----------------------------------------------------------------------------------
  const file = path.join(workDir, 'parcels.geojson');
  say('exporting the parcels to GeoJSON…');
  const exported = await exportParcelsGeoJson(pool, cityId, file);
  const importedId = await cloneMunicipalityFrame(pool, cityId, IMPORTED, true);
  const copiedId = await cloneMunicipalityFrame(pool, cityId, COPIED, false);
  say('baseline: INSERT … SELECT of the same parcel rows…');
  const copied = await copyParcelsWithinPostgres(pool, cityId, copiedId);
  say(`importing ${fmt(exported.features)} parcels from GeoJSON (CLI child process)…`);
  const importWatch = watchBackends(pool);
  const imported = await runCli(['import', 'parcels', file, '--municipality', IMPORTED], env, workDir);
  const importActivity = importWatch.stop();
  const importLine = imported.stdout.split('\n').find((line) => line.startsWith('Imported')) ?? '';
  const importedCounts = (
    await pool.query<{ parcels: string; zoned: string; overlaid: string }>(
      `SELECT (SELECT count(*) FROM parcels WHERE municipality_id = $1) AS parcels,
              (SELECT count(*) FROM parcel_zones WHERE municipality_id = $1) AS zoned,
              (SELECT count(DISTINCT parcel_id) FROM parcel_overlays WHERE municipality_id = $1) AS overlaid`,
      [importedId],
    )
  ).rows[0];
  if (Number(importedCounts.parcels) !== exported.features)
    throw new Error(`imported ${importedCounts.parcels} parcels, expected ${exported.features}`);

  // Report ----------------------------------------------------------------------------------------------------
  const n = Number(counts.parcels);
  out();
  out('## Results');
  out();
  out('| measurement | value | same-run baseline | ratio |');
  out('|---|---|---|---|');
  row(
    `1. Seed ${fmt(n)} parcels (CLI child, wall; incl. zones/overlays import classifying every parcel)`,
    `${secs(seed.wallMs)} (${fmt(n / (seed.wallMs / 1000))} parcels/s, ${per100k(seed.wallMs, n)})`,
    `INSERT … SELECT of the same ${fmt(copied.rows)} rows: ${secs(copied.ms)}`,
    `${ratio(seed.wallMs, copied.ms)} × slower`,
  );
  // Phases from the statements seen: parcels and owners first, then the zones layer's classification of every
  // parcel (parcel_zones writes), then the overlays layer's (mostly reads: few parcels touch an overlay).
  const zonesSeen = seedActivity.seen.get('insert into parcel_zones');
  row(
    '1. Seed phases (its PostgreSQL sessions sampled every 250 ms, ±0.25 s)',
    zonesSeen
      ? `parcels + owners generated and written: ${secs(zonesSeen.first)}; zones layer classifying every parcel: ` +
          `${secs(zonesSeen.last - zonesSeen.first)}; then overlays layer classifying every parcel + audit until exit: ` +
          `${secs(seed.wallMs - zonesSeen.last)}`
      : '? (no parcel_zones writes seen)',
  );
  row(
    '1. Seed: where its time went (its PostgreSQL sessions sampled every 250 ms)',
    describeActivity(seedActivity),
  );
  row(
    '1. Seed: peak RSS of the seeding process',
    `${fmt(seed.peakRssMiB)} MiB (GNU time; the CLI's own line says ${fmt(seedSelfRss)} MiB)`,
    `idle CLI process (seed --help): ${fmt(idleRss)} MiB`,
    `+${fmt(seed.peakRssMiB - idleRss)} MiB`,
  );
  row(
    '2. Index build in-process: registry.get() (zones + overlays + every parcel: geometry and zoning facts)',
    `${secs(build.ms)} (builtInMs ${secs(build.builtInMs)})`,
    `bare paged SELECT of the same rows and columns: ${secs(readBefore.ms)} before, ${secs(readAfter.ms)} after`,
    `${ratio(build.ms, readBest)} × the faster read`,
  );
  row(
    '2. … the same right after the seed, before the bench runs ANALYZE (the seed analysed its tables; ' +
      `autovacuum ${settings.autovacuum} on this server; parcels estimated at ${fmt(settings.reltuples)} rows)`,
    secs(afterSeed.buildMs),
    `bare paged SELECT, same state: ${secs(afterSeed.readMs)}; the bench's ANALYZE then took ${secs(analyzeMs)}`,
    `${ratio(afterSeed.buildMs, build.ms)} × the build after ANALYZE`,
  );
  const factsPerParcel = (build.memoryBytesMiB.facts * 2 ** 20) / n;
  const geometryPerParcel = (build.memoryBytesMiB.parcels * 2 ** 20) / n;
  row(
    '2. Index memory: PolygonIndex.memoryBytes() + ParcelFacts.memoryBytes()',
    `parcel geometry ${fmt(build.memoryBytesMiB.parcels, 1)} MiB, parcel zoning facts ${fmt(build.memoryBytesMiB.facts, 1)} MiB, ` +
      `zones ${fmt(build.memoryBytesMiB.zones, 2)} MiB (${build.counts.zones}), overlays ${fmt(build.memoryBytesMiB.overlays, 2)} MiB (${build.counts.overlays})`,
    `parcels table on disk: ${tableSize}`,
    `${fmt(geometryPerParcel + factsPerParcel)} bytes per parcel (geometry ${fmt(geometryPerParcel)} + facts ${fmt(factsPerParcel)})`,
  );
  row(
    '2. Index memory: process after GC, minus before (--expose-gc)',
    `RSS +${fmt(build.rssDeltaMiB)} MiB, heap +${fmt(build.heapDeltaMiB)} MiB, arrayBuffers +${fmt(build.arrayBuffersDeltaMiB)} MiB`,
    `RSS before: ${fmt(build.rssBeforeMiB)} MiB; peak RSS while building: ${fmt(build.peakRssDuringMiB)} MiB`,
    '—',
  );
  row(
    '3. In-process point lookups (parcels.pointQuery + zones.pointQuery, 1M random points in the extent)',
    `${fmt(pointRates.exact)} /s (${(pointRates.parcelHitShare * 100).toFixed(0)} % on a parcel)`,
    `bare Flatbush search of the same points in the same trees: ${fmt(pointRates.bare)} /s`,
    ratio(pointRates.exact, pointRates.bare),
  );
  row(
    '3. … parcels.pointQuery only / bboxQuery with a zero-size box (parcels + zones)',
    `${fmt(pointRates.parcelsOnly)} /s / ${fmt(pointRates.bboxQuery)} /s`,
    `bare: ${fmt(pointRates.bare)} /s`,
    `${ratio(pointRates.parcelsOnly, pointRates.bare)} / ${ratio(pointRates.bboxQuery, pointRates.bare)}`,
  );
  row(
    "3. Whole lookups in-process: point queries + the parcel's zoning from the facts + JSON (no HTTP, one at a time)",
    `${fmt(whole.perSecond)} /s (half on a parcel; ${fmt(whole.meanBytes)} bytes each on average)`,
    `bare Flatbush search (above): ${fmt(pointRates.bare)} /s`,
    ratio(whole.perSecond, pointRates.bare),
  );
  row(
    '4. First lookup after start (the server builds its index)',
    `${fmt(firstMs)} ms (the next one: ${fmt(secondMs, 1)} ms)`,
    `in-process build above: ${secs(build.ms)}`,
    ratio(firstMs, build.ms),
  );
  row(
    `4. Point-lookup API, 50 connections, ${seconds} s, half the points on a parcel (requests built once): req/s`,
    `${fmt(lookups.requestsPerSecond)} req/s (non-2xx ${lookups.non2xx}, errors ${lookups.errors})`,
    `bare Fastify route: ${fmt(bareBefore.requestsPerSecond)} before, ${fmt(bareAfter.requestsPerSecond)} after`,
    `**${apiRatio.toFixed(2)}** (goal ≥ 0.5)`,
  );
  row(
    '4. … server CPU per request (its user + system time over the run / requests served)',
    `lookup ${fmt(lookups.cpuUs, 1)} µs (on a parcel ${fmt(hitLookups.cpuUs, 1)}, off ${fmt(missLookups.cpuUs, 1)}); /healthz ${fmt(healthz.cpuUs, 1)} µs`,
    `bare Fastify route: ${fmt(bareBefore.cpuUs, 1)} µs before, ${fmt(bareAfter.cpuUs, 1)} µs after`,
    `${ratio(bareCpu, lookups.cpuUs)} (bare / lookup)`,
  );
  row(
    '4. … the same mixed load with a request built per call (setupRequest, the method of the earlier runs)',
    `${fmt(rebuilt.requestsPerSecond)} req/s (p99 ${rebuilt.p99Ms} ms; server CPU ${fmt(rebuilt.cpuUs, 1)} µs/request)`,
    `bare Fastify route: ${fmt(bareMean)}`,
    ratio(rebuilt.requestsPerSecond, bareMean),
  );
  row(
    '4. GET /healthz of the same server (its routing, hooks, logging and metrics with no work)',
    `${fmt(healthz.requestsPerSecond)} req/s (p99 ${healthz.p99Ms} ms)`,
    `bare Fastify route: ${fmt(bareMean)}`,
    ratio(healthz.requestsPerSecond, bareMean),
  );
  row(
    '4. … the same API with every point on a parcel / every point off any parcel (no SQL either way)',
    `${fmt(hitLookups.requestsPerSecond)} req/s (p99 ${hitLookups.p99Ms} ms) / ${fmt(missLookups.requestsPerSecond)} req/s (p99 ${missLookups.p99Ms} ms)`,
    `bare Fastify route: ${fmt(bareMean)} (mean of before and after)`,
    `${ratio(hitLookups.requestsPerSecond, bareMean)} / ${ratio(missLookups.requestsPerSecond, bareMean)}`,
  );
  row(
    '4. Point-lookup API: response body size',
    `${fmt(responseBytes.hit)} bytes on a parcel, ${fmt(responseBytes.miss)} bytes off (mean of 20 each)`,
    `bare route: ${bareBytes} bytes`,
    ratio((responseBytes.hit + responseBytes.miss) / 2, bareBytes),
  );
  row(
    '4. Point-lookup API: p99 latency',
    `${lookups.p99Ms} ms`,
    `bare: ${bareBefore.p99Ms} ms before, ${bareAfter.p99Ms} ms after`,
    ratio(lookups.p99Ms, Math.max(1, (bareBefore.p99Ms + bareAfter.p99Ms) / 2)),
  );
  row(
    '4. The route without HTTP, 50 concurrent on a pool of 10 (ceiling)',
    `${fmt(breakdown.concurrentPerSecond)} lookups/s`,
    `API above: ${fmt(lookups.requestsPerSecond)} req/s`,
    ratio(lookups.requestsPerSecond, breakdown.concurrentPerSecond),
  );
  row(
    `5. Export ${fmt(exported.features)} parcels to GeoJSON (paged, streamed)`,
    `${secs(exported.ms)}, ${fmt(exported.bytes / 2 ** 20)} MiB file`,
    '—',
  );
  row(
    `5. Import ${fmt(exported.features)} parcels from GeoJSON (CLI child, wall; incl. classification)`,
    `${secs(imported.wallMs)} (${fmt(exported.features / (imported.wallMs / 1000))} features/s, ${per100k(imported.wallMs, exported.features)})`,
    `INSERT … SELECT of the same rows in PostgreSQL: ${secs(copied.ms)} (${fmt(copied.rows / (copied.ms / 1000))} rows/s)`,
    `${ratio(imported.wallMs, copied.ms)} × slower`,
  );
  row(
    '5. Import: where its time went (its PostgreSQL session sampled every 250 ms)',
    describeActivity(importActivity),
    '—',
  );
  row(
    '5. Import: peak RSS of the importing process',
    `${fmt(imported.peakRssMiB)} MiB`,
    `idle CLI process: ${fmt(idleRss)} MiB`,
    `+${fmt(imported.peakRssMiB - idleRss)} MiB`,
  );
  for (const r of rows) out(`| ${r.what} | ${r.value} | ${r.baseline} | ${r.ratio} |`);

  out();
  out(`Import summary line: ${importLine.trim()}`);
  out(
    `Imported municipality: ${fmt(Number(importedCounts.parcels))} parcels, ${fmt(Number(importedCounts.zoned))} zoned, ` +
      `${fmt(Number(importedCounts.overlaid))} touched by an overlay (seeded city: ${fmt(Number(counts.zoned))} / ${fmt(Number(counts.overlaid))}).`,
  );
  out(
    `In-process: ${pointRates.bareCandidatesPerPoint.toFixed(2)} bounding-box candidates per point (parcels + zones), ` +
      `${pointRates.exactResultsPerPoint.toFixed(2)} exact results per point.`,
  );

  out();
  out('## Where a lookup spends its time (the route without HTTP, one at a time, on the same database)');
  out();
  out('| lookup | ms per lookup | SQL queries per lookup | time inside those queries (ms) |');
  out('|---|---|---|---|');
  for (const part of breakdown.parts)
    out(
      `| ${part.label} | ${part.msPerLookup.toFixed(2)} | ${part.queriesPerLookup.toFixed(1)} | ${part.dbMsPerLookup.toFixed(2)} |`,
    );
  for (const part of breakdown.parts) {
    out();
    out(`Statements ${part.label} (times per lookup):`);
    for (const [sql, times] of part.statements) out(`- ${times.toFixed(1)} × \`${sql}\``);
  }
  if (profileText) {
    out();
    out(
      `## CPU profile of the server under the lookup load (the API made ${apiRatio.toFixed(2)} of the bare rate)`,
    );
    out();
    out(profileText);
  }
  out();
  out(
    `Load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; whole run ${secs(performance.now() - runStarted)}.`,
  );
} finally {
  await cleanUp();
}
