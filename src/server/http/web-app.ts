import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './error-handler.js';
import { AppError } from './errors.js';

const WEB_DIST = path.resolve('dist/web');
const API_PREFIXES = ['/api/', '/oauth/', '/dev/sms-provider/', '/.well-known/'];

/**
 * Serves the built React app from dist/web: its assets, and index.html for any other browser page so client-side
 * routes work on reload. API paths that match no route get the catalogue's 404 instead.
 */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const hasBuild = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
      maxAge: '1h',
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const wantsPage =
      request.method === 'GET' &&
      !API_PREFIXES.some((prefix) => request.url.startsWith(prefix)) &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && hasBuild) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', WEB_DIST);
    }
    return sendError(
      request,
      reply,
      new AppError('route_not_found', { method: request.method, url: request.url.split('?')[0] }),
    );
  });
}
