import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { adminContext } from './context.js';
import { MunicipalityOverview, MunicipalityUpdate } from './municipality-schema.js';
import { getMunicipalityOverview, updateMunicipalitySettings } from './municipality-service.js';
import { presentMunicipality } from './presenter.js';
import { tags } from './schema-common.js';

export async function municipalityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/admin/municipality',
    {
      config: { access: access.staff('admin', 'oversight') },
      schema: {
        tags,
        summary:
          'Your municipality, with how many districts, staff, offices, API clients, parcels and citizens it has',
        response: { 200: MunicipalityOverview, ...errors(401, 403) },
      },
    },
    async (request) => {
      const { municipality, counts } = await getMunicipalityOverview(deps.db, {
        viewer: principalOf(request, 'staff'),
      });
      return presentMunicipality(municipality, counts);
    },
  );

  app.patch(
    '/api/v1/admin/municipality',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: 'Rename your municipality or change its time zone (admin; audited)',
        body: MunicipalityUpdate,
        response: { 200: MunicipalityOverview, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const { municipality, counts } = await updateMunicipalitySettings(deps.db, {
        ...adminContext(request, deps.clock),
        ...request.body,
      });
      return presentMunicipality(municipality, counts);
    },
  );
}
