import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import type { InquirySettings } from './rules/settings.js';
import { PublishSettingsBody, SettingsResponse, SettingsVersion } from './schema.js';
import { publishInquirySettings, readInquirySettings } from './settings-service.js';

const tags = ['inquiries'];

function present(settings: InquirySettings) {
  return { ...settings };
}

/** The auto-issuance rule's dated configuration (periods and conditions) per municipality. */
export async function inquirySettingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/admin/inquiry-settings',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary: 'The inquiry settings in force today and every dated version (admin, oversight)',
        response: { 200: SettingsResponse, ...errors(401, 403) },
      },
    },
    async (request) => {
      const { today, inForce, versions } = await readInquirySettings(
        deps,
        principalOf(request, 'staff').municipalityId,
      );
      return { today, inForce: inForce && present(inForce), versions: versions.map(present) };
    },
  );

  app.post(
    '/api/v1/admin/inquiry-settings',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary:
          'Publish a new dated version of the inquiry settings, in force from effectiveFrom (today or later; audited)',
        body: PublishSettingsBody,
        response: { 201: SettingsVersion, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const saved = await publishInquirySettings(deps, {
        municipalityId: principalOf(request, 'staff').municipalityId,
        actor: actorOf(request),
        settings: request.body,
      });
      return reply.code(201).send(present(saved));
    },
  );
}
