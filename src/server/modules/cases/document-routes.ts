import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { errors } from '../../http/schemas.js';
import { receiveUpload } from '../../storage/receive-upload.js';
import { actorOf } from '../audit/actor-of.js';
import { loadVisibleCase } from './case-access.js';
import { attachDocument, readDocument } from './case-documents.js';
import { CaseParams, CaseResponse } from './schema.js';

const tags = ['cases'];

/** A case's documents: uploaded by the applicant's side, served only to whoever may see the case. */
export async function caseDocumentRoutes(
  fastify: FastifyInstance,
  options: { maxUploadBytes: number },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;
  const blobs = fastify.blobStore;
  const MAX_UPLOAD_BYTES = options.maxUploadBytes;

  app.post(
    '/api/v1/cases/:id/documents',
    {
      config: { access: { kind: 'principals', principals: ['citizen', 'office'] } },
      schema: {
        tags,
        summary:
          'Upload a document (multipart: field "requirement", then the file); type and size checked on the content',
        params: CaseParams,
        response: { 201: CaseResponse, ...errors(400, 401, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, 'citizen', 'office');
      await loadVisibleCase(deps.db, principal, request.params.id);
      const received = await receiveUpload(request, { maxBytes: MAX_UPLOAD_BYTES });
      if (!received.ok) {
        if (received.rule === 'too_large') throw new AppError('payload_too_large');
        throw new AppError('validation_failed', { fields: [{ field: 'file', rule: 'required' }] });
      }
      const requirement = String(received.fields.requirement ?? '');
      if (!requirement)
        throw new AppError('validation_failed', { fields: [{ field: 'requirement', rule: 'required' }] });
      const doc = await attachDocument(
        { ...deps, blobs },
        {
          principal,
          actor: actorOf(request),
          caseId: request.params.id,
          requirementCode: requirement,
          bytes: received.bytes,
          fileName: received.declaredName,
        },
      );
      return reply.code(201).send({
        id: doc.id,
        requirement: doc.requirement_code,
        fileName: doc.file_name,
        contentType: doc.content_type,
        sizeBytes: doc.size_bytes,
        sha256: doc.sha256,
      });
    },
  );

  app.get(
    '/api/v1/cases/:id/documents/:documentId',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'Download a document of a case you may see',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          documentId: Type.String({ format: 'uuid' }),
        }),
        response: { 200: Type.Any({ description: 'The file' }), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const { doc, bytes } = await readDocument(
        { ...deps, blobs },
        request.principal!,
        request.params.id,
        request.params.documentId,
      );
      return reply
        .header('content-type', doc.content_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.file_name)}`)
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', 'sandbox')
        .send(bytes);
    },
  );
}
