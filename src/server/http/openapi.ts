import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { access } from './access.js';

/** The OpenAPI document, built from each route's schema, at /openapi.json; a browsable reference at /docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Shahrvand API',
        version: '1',
        description:
          'The JSON API of Shahrvand, an open-source e-municipality platform. Errors always have the shape ' +
          '`{ "error": { "code", "message", "details" } }`; the message is in the language of `Accept-Language` ' +
          '(fa, en, vi). Browsers authenticate with the session cookie and send `X-CSRF-Token` on writes; ' +
          'institutions use OAuth2 client credentials (`POST /oauth/token`) and a Bearer token, and can receive ' +
          'signed webhooks (Standard Webhooks; `PUT /api/v1/webhooks/endpoint`, docs/webhooks.md).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sv_session' },
          clientCredentials: {
            type: 'oauth2',
            flows: {
              clientCredentials: {
                tokenUrl: '/oauth/token',
                scopes: { inquiries: 'Request inquiry responses' },
              },
            },
          },
        },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/openapi.json', { config: { access: access.public() }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
