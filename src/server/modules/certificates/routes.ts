import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { listMunicipalityKeys } from './key-repository.js';
import { presentCertificate } from './presenter.js';
import { certificatePdf, readCertificate } from './read-certificate.js';
import { revokeCertificate } from './revoke-certificate.js';
import { rotateSigningKey } from './rotate-key.js';
import {
  CertificateDetail,
  CertificateNumberParams,
  Jwks,
  NumberVerification,
  PayloadVerification,
  PdfQuery,
  RevokeBody,
  RotatedKey,
  SigningKeys,
  VerifyPayloadBody,
} from './schema.js';
import { publishedJwks, verifyCertificateNumber, verifyCertificatePayload } from './verify-certificate.js';

const tags = ['certificates'];

export async function certificateRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;
  const keyring = app.certificateKeys;
  const verifyUrl = `${deps.config.publicUrl.replace(/\/$/, '')}/verify`;

  app.get(
    '/.well-known/jwks.json',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary:
          "Every municipality's certificate signing keys, current and retired (Ed25519, `kid` per key)",
        response: { 200: Jwks },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publishedJwks(deps.db);
    },
  );

  app.get(
    '/api/v1/certificates/:number/verify',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'Verify a certificate by its number: valid, expired, revoked or unknown, with its key facts',
        params: CertificateNumberParams,
        response: { 200: NumberVerification, ...errors(400) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyCertificateNumber(deps.db, { number: request.params.number, now: deps.clock.now() });
    },
  );

  app.post(
    '/api/v1/certificates/verify-payload',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary:
          "Verify a scanned QR payload: its signature against the municipality's key, then the register",
        body: VerifyPayloadBody,
        response: { 200: PayloadVerification, ...errors(400) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyCertificatePayload(deps.db, { payload: request.body.payload, now: deps.clock.now() });
    },
  );

  app.get(
    '/api/v1/certificates/:number.pdf',
    {
      config: { access: access.signedIn() },
      schema: {
        tags,
        summary:
          "The certificate as PDF (fa, en or vi): for the parcel's owners, district staff and the requester",
        params: CertificateNumberParams,
        querystring: PdfQuery,
        produces: ['application/pdf'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await certificatePdf(deps.db, {
        principal: request.principal!,
        number: request.params.number,
        lang: request.query.lang ?? 'fa',
        verifyUrl,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${number}-${request.query.lang ?? 'fa'}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/certificates/:number',
    {
      config: { access: access.signedIn() },
      schema: {
        tags,
        summary: "A certificate in full: for the parcel's owners, district staff and the requester",
        params: CertificateNumberParams,
        response: { 200: CertificateDetail, ...errors(401, 404) },
      },
    },
    async (request) => {
      const row = await readCertificate(deps.db, request.principal!, request.params.number);
      return presentCertificate(row, deps.clock.now());
    },
  );

  app.post(
    '/api/v1/certificates/:number/revoke',
    {
      config: { access: access.staff('district_manager', 'admin') },
      schema: {
        tags,
        summary:
          "Revoke a certificate with a reason (district manager of the parcel's district, or admin; audited)",
        params: CertificateNumberParams,
        body: RevokeBody,
        response: { 200: CertificateDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const row = await revokeCertificate(deps.db, {
        staff: principalOf(request, 'staff'),
        actor: actorOf(request),
        number: request.params.number,
        reason: request.body.reason.trim(),
        at: deps.clock.now(),
      });
      return presentCertificate(row, deps.clock.now());
    },
  );

  app.get(
    '/api/v1/certificates/signing-keys',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary: "The municipality's certificate signing keys (public parts only)",
        response: { 200: SigningKeys, ...errors(401, 403) },
      },
    },
    async (request) => {
      const rows = await listMunicipalityKeys(deps.db, principalOf(request, 'staff').municipalityId);
      return {
        keys: rows.map((row) => ({
          kid: row.kid,
          createdAt: row.created_at.toISOString(),
          retiredAt: row.retired_at?.toISOString() ?? null,
          current: row.retired_at === null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/certificates/signing-keys/rotate',
    {
      config: { access: access.staff('admin') },
      schema: {
        tags,
        summary:
          'Rotate the signing key: new certificates use a new key; the old one stays published (audited)',
        response: { 200: RotatedKey, ...errors(401, 403) },
      },
    },
    async (request) => {
      return rotateSigningKey(deps.db, keyring, {
        municipalityId: principalOf(request, 'staff').municipalityId,
        actor: actorOf(request),
        at: deps.clock.now(),
      });
    },
  );
}
