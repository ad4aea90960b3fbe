import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { normalizeMobile, normalizeNationalId } from '../../../shared/identifiers/index.js';
import { access, principalOf } from '../../http/access.js';
import { AppError, invalidField } from '../../http/errors.js';
import { errors } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { presentOwnedParcel } from '../parcels/presenter.js';
import { serviceName } from './case-texts.js';
import { requestConsentCode } from './consent.js';
import { listConsentedParcels, recordOfficeConsent } from './office-consent.js';
import { CaseParams, ConsentBody, ConsentCodeBody } from './schema.js';
import { findServiceByCode } from './service-repository.js';
import type { ServiceDefinition } from './workflow/types.js';

const tags = ['cases'];

/**
 * An office acting for a citizen: text the citizen a consent code, record the consent (that code, or an ID
 * document checked in person), then see that citizen's parcels to pick one. Without a consent of its own, an
 * office sees no one's parcels.
 */
export async function officeConsentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.post(
    '/api/v1/cases/consent-code',
    {
      config: { access: access.office() },
      schema: {
        tags,
        summary: 'Send a citizen the code that proves their consent to this office filing for them',
        body: ConsentCodeBody,
        response: {
          202: Type.Object({ challengeId: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }),
          ...errors(400, 401, 403, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const office = principalOf(request, 'office');
      const nationalId = normalizeNationalId(request.body.nationalId);
      const mobile = normalizeMobile(request.body.mobile);
      if (!nationalId) throw invalidField('nationalId', 'national_id');
      if (!mobile) throw invalidField('mobile', 'mobile');
      const service = await findServiceByCode(deps.db, office.municipalityId, request.body.serviceCode);
      if (!service) throw new AppError('not_found', { entity: 'service' });
      const officeRow = await deps.db
        .selectFrom('offices')
        .select('name')
        .where('municipality_id', '=', office.municipalityId)
        .where('id', '=', office.officeId)
        .executeTakeFirstOrThrow();
      const sent = await requestConsentCode(deps.db, deps.clock, deps.sms, {
        municipalityId: office.municipalityId,
        nationalId,
        mobile,
        officeName: officeRow.name,
        serviceName: serviceName(service.definition as ServiceDefinition, 'fa'),
      });
      return reply.code(202).send({ challengeId: sent.challengeId, expiresAt: sent.expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/v1/cases/consents',
    {
      config: { access: access.office() },
      schema: {
        tags,
        summary:
          "Record a citizen's consent to this office filing a service for them: the code texted to them, or an in-person ID check",
        body: ConsentBody,
        response: {
          201: Type.Object({
            consentId: Type.String({ format: 'uuid' }),
            method: Type.Union([Type.Literal('otp'), Type.Literal('in_person')]),
            expiresAt: Type.String({ format: 'date-time' }),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { nationalId, mobile, serviceCode, proof } = request.body;
      const recorded = await recordOfficeConsent(deps, {
        principal: principalOf(request, 'office'),
        actor: actorOf(request),
        nationalId,
        mobile,
        serviceCode,
        proof,
      });
      return reply.code(201).send({
        consentId: recorded.consentId,
        method: recorded.method,
        expiresAt: recorded.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    '/api/v1/cases/consents/:id/parcels',
    {
      config: { access: access.office() },
      schema: {
        tags,
        summary:
          'The parcels of the citizen who consented, to pick one (only with this office’s unused, unexpired consent)',
        params: CaseParams,
        response: {
          200: Type.Object({
            applicant: Type.Object({ nationalId: Type.String(), mobile: Type.String() }),
            serviceCode: Type.String(),
            expiresAt: Type.String({ format: 'date-time' }),
            parcels: Type.Array(Type.Object({}, { additionalProperties: true })),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { consent, parcels } = await listConsentedParcels(deps, {
        principal: principalOf(request, 'office'),
        consentId: request.params.id,
      });
      return {
        applicant: { nationalId: consent.national_id, mobile: consent.mobile },
        serviceCode: consent.service_code,
        expiresAt: consent.expires_at.toISOString(),
        parcels: parcels.map((parcel) => ({
          ...presentOwnedParcel(parcel),
          serviceLive: parcel.service_live,
        })),
      };
    },
  );
}
