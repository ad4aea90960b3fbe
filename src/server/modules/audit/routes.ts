import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { listRecentAudit } from './repository.js';
import { verifyAuditChain } from './verify-audit.js';

const tags = ['audit'];

const AuditEntry = Type.Object({
  id: Type.String({ description: 'Order of appending, across chains' }),
  chain: Type.Integer({ description: 'Which of the municipality’s hash chains holds the row' }),
  seq: Type.Integer({ description: 'Position in its chain' }),
  at: Type.String({ format: 'date-time' }),
  actorKind: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  officeId: Type.Union([Type.String(), Type.Null()]),
  apiClientId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Object({}, { additionalProperties: true }),
});

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/audit',
    {
      config: { access: access.staff('oversight', 'admin') },
      schema: {
        tags,
        summary: "The municipality's audit log, newest first (oversight and admin)",
        querystring: Type.Object({
          entityType: Type.Optional(Type.String({ maxLength: 50 })),
          entityId: Type.Optional(Type.String({ maxLength: 100 })),
          beforeId: Type.Optional(
            Type.String({ pattern: '^[0-9]{1,19}$', description: 'Older than this id' }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          lang: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Object({ entries: Type.Array(AuditEntry) }), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const rows = await listRecentAudit(deps.db, staff.municipalityId, request.query);
      return {
        entries: rows.map((row) => ({
          id: row.id,
          chain: row.chain,
          seq: Number(row.seq),
          at: row.at.toISOString(),
          actorKind: row.actor_kind,
          actorId: row.actor_id,
          officeId: row.office_id,
          apiClientId: row.api_client_id,
          ip: row.ip,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          details: row.details,
        })),
      };
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config: { access: access.staff('oversight', 'admin') },
      schema: {
        tags,
        summary: 'Check every audit hash chain of the municipality for edited, deleted or truncated rows',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            rows: Type.Integer(),
            chains: Type.Integer(),
            problems: Type.Array(
              Type.Object({ chain: Type.Integer(), seq: Type.Integer(), problem: Type.String() }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (request) => {
      const staff = principalOf(request, 'staff');
      const result = await verifyAuditChain(deps.db, staff.municipalityId);
      return { ok: result.ok, rows: result.rows, chains: result.chains, problems: result.problems };
    },
  );
}
