import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazyRequestLogger } from './lazy-request-logger.js';

async function appLogging(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).trim().split('\n')) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = Fastify({ logger: { level, stream }, childLoggerFactory: lazyRequestLogger });
  app.get('/quiet', async () => ({ ok: true }));
  app.get('/warns', async (request) => {
    request.log.warn({ parcel: 'p1' }, 'something odd');
    request.log.debug('not at this level');
    const log = request.log as unknown as { isLevelEnabled(level: string): boolean };
    return { enabled: log.isLevelEnabled('warn'), debug: log.isLevelEnabled('debug') };
  });
  app.get('/quiet-route', { logLevel: 'error' }, async (request) => {
    request.log.warn('below the route level');
    return { level: request.log.level };
  });
  app.get('/child', async (request) => {
    request.log.child({ step: 'inner' }).error('from a child');
    return {};
  });
  return { app, lines };
}

describe('lazyRequestLogger', () => {
  it('logs at enabled levels with the request id bound, and nothing below the level', async () => {
    const { app, lines } = await appLogging('warn');
    const warns = await app.inject('/warns');
    expect(warns.json()).toEqual({ enabled: true, debug: false });
    await app.inject('/quiet');
    expect(lines.map((line) => line.msg)).toEqual(['something odd']);
    expect(lines[0]).toMatchObject({ level: 40, parcel: 'p1', reqId: expect.any(String) });
  });

  it('keeps Fastify’s own request lines at info, and a route’s own level', async () => {
    const { app, lines } = await appLogging('info');
    await app.inject('/quiet');
    expect(lines.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(new Set(lines.map((line) => line.reqId)).size).toBe(1);
    lines.length = 0;
    const quiet = await app.inject('/quiet-route');
    expect(quiet.json()).toEqual({ level: 'error' });
    expect(lines).toEqual([]);
  });

  it('children carry the request id and their own bindings', async () => {
    const { app, lines } = await appLogging('warn');
    await app.inject('/child');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'from a child', step: 'inner', reqId: expect.any(String) }),
    ]);
  });
});
