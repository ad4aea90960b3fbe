import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { notFound } from '../../http/errors.js';
import { errors, Uuid } from '../../http/schemas.js';

const tags = ['notifications'];

const Notification = Type.Object({
  id: Uuid,
  caseId: Type.Union([Uuid, Type.Null()]),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** In-app notifications of the signed-in user (the SMS copies go out through the SMS provider). */
export async function notificationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/notifications',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'My in-app notifications, newest first',
        querystring: Type.Object({
          unread: Type.Optional(Type.Boolean()),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          lang: Type.Optional(Type.String()),
        }),
        response: {
          200: Type.Object({ notifications: Type.Array(Notification), unread: Type.Integer() }),
          ...errors(401),
        },
      },
    },
    async (request) => {
      const user = principalOf(request, 'citizen', 'staff', 'office');
      let query = deps.db
        .selectFrom('notifications')
        .select(['id', 'case_id', 'body', 'created_at', 'read_at'])
        .where('municipality_id', '=', user.municipalityId)
        .where('recipient_user_id', '=', user.userId)
        .where('channel', '=', 'in_app');
      if (request.query.unread) query = query.where('read_at', 'is', null);
      const rows = await query.orderBy('created_at', 'desc').limit(request.query.limit).execute();
      const unread = await deps.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('recipient_user_id', '=', user.userId)
        .where('channel', '=', 'in_app')
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        notifications: rows.map((row) => ({
          id: row.id,
          caseId: row.case_id,
          body: row.body,
          createdAt: row.created_at.toISOString(),
          readAt: row.read_at ? row.read_at.toISOString() : null,
        })),
        unread: Number(unread.count),
      };
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const user = principalOf(request, 'citizen', 'staff', 'office');
      const result = await deps.db
        .updateTable('notifications')
        .set({ read_at: deps.clock.now() })
        .where('id', '=', request.params.id)
        .where('recipient_user_id', '=', user.userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const mine = await deps.db
          .selectFrom('notifications')
          .select('id')
          .where('id', '=', request.params.id)
          .where('recipient_user_id', '=', user.userId)
          .executeTakeFirst();
        if (!mine) throw notFound('notification');
      }
      return reply.code(204).send(null);
    },
  );
}
