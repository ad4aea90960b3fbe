import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { access, principalOf } from '../../http/access.js';
import { requestLocale } from '../../http/locale.js';
import { errors } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { finishInquiry } from './issue-inquiry-response.js';
import { assertMayRequestInquiry } from './policies.js';
import { certificateLinks, presentInquiry } from './presenter.js';
import { listVisibleInquiries, readInquiry } from './read-inquiries.js';
import { requestClearance } from './request-clearance.js';
import { INQUIRY_SERVICE_CODE, requestInquiry } from './request-inquiry.js';
import {
  ClearanceBody,
  ClearanceResponse,
  IdempotencyHeaders,
  Inquiry,
  InquiryList,
  InquiryListQuery,
  InquiryParams,
  RequestInquiryBody,
} from './schema.js';

const tags = ['inquiries'];

export async function inquiryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;
  const keyring = app.certificateKeys;
  const publicUrl = deps.config.publicUrl;
  deps.caseHooks.onClosed(INQUIRY_SERVICE_CODE, (trx, closed) => finishInquiry(trx, keyring, closed));
  deps.caseHooks.fileOnlyThroughModule(INQUIRY_SERVICE_CODE);

  app.post(
    '/api/v1/inquiries',
    {
      config: { access: { kind: 'principals', principals: ['api_client', 'office'] } },
      schema: {
        tags,
        summary:
          'Request an inquiry response (bank, notary, utility by client credentials; notary or counter office by session): 201 issued at once with the signed certificate, 202 in review with the reasons',
        description:
          'The auto-issuance rule (docs/inquiries.md) decides in the same request: with a valid earlier response or a recent completion certificate, nothing owed, no open violation and no pending Article 100 case, the certificate is issued (201). Otherwise the case goes to the district (202, status in_review); poll `GET /api/v1/inquiries/{id}`.',
        headers: IdempotencyHeaders,
        body: RequestInquiryBody,
        response: { 201: Inquiry, 202: Inquiry, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, 'api_client', 'office');
      assertMayRequestInquiry(principal);
      const result = await requestInquiry(deps, {
        principal,
        actor: actorOf(request),
        request: request.body,
        idempotencyKey: request.headers['idempotency-key'] ?? null,
      });
      const row = await readInquiry(deps.db, principal, result.inquiryId);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.status).send(presentInquiry(row, requestLocale(request), publicUrl));
    },
  );

  app.get(
    '/api/v1/inquiries/:id',
    {
      config: { access: access.signedIn() },
      schema: {
        tags,
        summary:
          "An inquiry (poll it): for its requester, the parcel's owner and district staff; 404 for anyone else",
        params: InquiryParams,
        response: { 200: Inquiry, ...errors(401, 404) },
      },
    },
    async (request) => {
      const row = await readInquiry(deps.db, request.principal!, request.params.id);
      return presentInquiry(row, requestLocale(request), publicUrl);
    },
  );

  app.get(
    '/api/v1/inquiries',
    {
      config: { access: access.signedIn() },
      schema: {
        tags,
        summary:
          "Inquiries: an institution's or office's own requests; a citizen's with about=mine (about the parcels they own); staff their district's; caseId= the inquiry a case belongs to (within the same scope)",
        querystring: InquiryListQuery,
        response: { 200: InquiryList, ...errors(400, 401) },
      },
    },
    async (request) => {
      const rows = await listVisibleInquiries(deps.db, request.principal!, {
        about: request.query.about,
        status: request.query.status,
        caseId: request.query.caseId,
        limit: request.query.limit ?? 20,
        offset: request.query.offset ?? 0,
      });
      const lang = requestLocale(request);
      return { inquiries: rows.map((row) => presentInquiry(row, lang, publicUrl)) };
    },
  );

  app.post(
    '/api/v1/clearances',
    {
      config: { access: access.citizen() },
      schema: {
        tags,
        summary:
          'A clearance certificate (مفاصا حساب) for a parcel the citizen owns: issued at once when nothing is owed, else 409 parcel_owes listing each bill',
        body: ClearanceBody,
        response: { 201: ClearanceResponse, ...errors(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const certificate = await requestClearance(deps, keyring, {
        principal: principalOf(request, 'citizen'),
        actor: actorOf(request),
        parcelId: request.body.parcelId,
        renewalCode: request.body.renewalCode,
      });
      return reply.code(201).send({
        certificate: {
          number: certificate.number,
          outcome: certificate.outcome,
          status: certificate.status,
          issuedAt: certificate.issued_at.toISOString(),
          validUntil: certificate.valid_until.toISOString(),
          ...certificateLinks(publicUrl, certificate.number, certificate.token),
        },
      });
    },
  );
}
