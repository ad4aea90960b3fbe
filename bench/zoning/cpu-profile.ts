import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the stack a frame belongs to, by its file. */
function category(url: string, name: string): string {
  if (name === '(idle)') return 'idle (waiting on PostgreSQL / network)';
  if (name === '(garbage collector)') return 'garbage collector';
  if (name === '(program)') return 'V8/native (program)';
  if (url.includes('/node_modules/pg') || url.includes('/node_modules/pg-protocol/'))
    return 'pg driver (protocol, parsing rows)';
  if (url.includes('/node_modules/kysely/')) return 'kysely (query building, compiling)';
  if (
    url.includes('/node_modules/fastify') ||
    url.includes('/node_modules/@fastify/') ||
    url.includes('/node_modules/find-my-way/') ||
    url.includes('/node_modules/light-my-request/')
  )
    return 'fastify (routing, hooks, validation, serialisation)';
  if (
    url.includes('/node_modules/ajv') ||
    url.includes('fast-json-stringify') ||
    url.includes('/node_modules/fast-uri')
  )
    return 'ajv / fast-json-stringify';
  if (url.includes('/node_modules/pino') || url.includes('/node_modules/thread-stream'))
    return 'pino (logging)';
  if (url.includes('/node_modules/'))
    return `other dependency (${url.split('/node_modules/').pop()?.split('/')[0]})`;
  if (url.includes('/src/server/gis/')) return 'src/server/gis (spatial index, point-in-polygon)';
  if (url.includes('/src/server/modules/zoning/')) return 'src/server/modules/zoning';
  if (url.includes('/src/server/http/')) return 'src/server/http (access, auth, errors hooks)';
  if (url.includes('/src/')) return 'other src/';
  if (url.startsWith('node:') || url === '') return 'node core (net, http, streams, timers)';
  return 'other';
}

/** A frame's short name: function and file:line under node_modules/ or src/. */
function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^file:\/\/.*?\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

/**
 * Self time by category and by function, in percent of the profiled time, counting only the samples taken
 * inside `window` (µs on the monotonic clock, which V8's profile timestamps use too) when given; for the top
 * functions, the callers they were reached from (nearest frames with a file).
 */
export function summariseCpuProfile(
  dir: string,
  window?: { fromUs: number; toUs: number },
  top = 15,
): string {
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return '(no .cpuprofile written)';
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const inWindow = (t: number) => !window || (t >= window.fromUs && t <= window.toUs);
  let t = profile.startTime;
  let windowed = 0;
  for (const delta of profile.timeDeltas) {
    t += delta;
    if (inWindow(t)) windowed++;
  }
  const useWindow = window && windowed > 0 ? window : undefined;
  const selfUs = new Map<number, number>();
  t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (useWindow && (t < useWindow.fromUs || t > useWindow.toUs)) continue;
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const callers = (id: number): string => {
    const chain: string[] = [];
    for (let at = parentOf.get(id); at !== undefined && chain.length < 3; at = parentOf.get(at)) {
      const node = byId.get(at);
      if (node?.callFrame.url && !node.callFrame.url.startsWith('node:')) chain.push(frameName(node));
    }
    return chain.join(' ← ') || '(no file frames)';
  };
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  const callerTime = new Map<string, Map<string, number>>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const c = category(node.callFrame.url, node.callFrame.functionName || '(anonymous)');
    categories.set(c, (categories.get(c) ?? 0) + us);
    const key = frameName(node);
    functions.set(key, (functions.get(key) ?? 0) + us);
    const paths = callerTime.get(key) ?? new Map<string, number>();
    const path = callers(id);
    paths.set(path, (paths.get(path) ?? 0) + us);
    callerTime.set(key, paths);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
  const busy = total - (categories.get('idle (waiting on PostgreSQL / network)') ?? 0);
  const topFunctions = [...functions.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = [
    `Profiled ${(total / 1e6).toFixed(1)} s of the server's main thread ` +
      `(${useWindow ? 'the load window only' : 'whole process: no samples matched the load window'}); ` +
      `busy (not idle) ${pct(busy)}.`,
    '',
    '| self time by part | share of profiled time |',
    '|---|---|',
    ...[...categories.entries()]
      .filter(([, us]) => us / total >= 0.005)
      .sort((a, b) => b[1] - a[1])
      .map(([c, us]) => `| ${c} | ${pct(us)} |`),
    '',
    `| top ${top} functions by self time | share |`,
    '|---|---|',
    ...topFunctions.map(([f, us]) => `| \`${f.replace(/\|/g, '\\|')}\` | ${pct(us)} |`),
    '',
    'Reached from (nearest frames with a file; share of profiled time):',
    ...topFunctions.slice(0, 6).flatMap(([f]) => [
      `- \`${f}\`:`,
      ...[...(callerTime.get(f) ?? new Map<string, number>()).entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([path, us]) => `  - ${pct(us)} ← ${path}`),
    ]),
  ];
  return lines.join('\n');
}
