import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { access, principalOf } from '../../http/access.js';
import { errors } from '../../http/schemas.js';
import { actorOf } from '../audit/actor-of.js';
import { presentOwnedParcel, presentParcel, presentParcelDetail } from './presenter.js';
import {
  OwnedParcel,
  Parcel,
  ParcelDetail,
  ParcelParams,
  ParcelSearchQuery,
  ParcelUpdate,
} from './schema.js';
import { correctParcelDetails, findParcelsForStaff, getParcel, listMyParcels } from './service.js';

const tags = ['parcels'];

export async function parcelRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  app.get(
    '/api/v1/me/parcels',
    {
      config: { access: access.citizen() },
      schema: {
        tags,
        summary: "The signed-in citizen's parcels (the citizen cartable)",
        response: { 200: Type.Object({ parcels: Type.Array(OwnedParcel) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const rows = await listMyParcels(deps.db, principalOf(request, 'citizen'));
      return { parcels: rows.map(presentOwnedParcel) };
    },
  );

  app.get(
    '/api/v1/parcels',
    {
      config: { access: access.staff() },
      schema: {
        tags,
        summary:
          'Search parcels by renewal code, postal code or registration plate (staff, within their district)',
        querystring: ParcelSearchQuery,
        response: { 200: Type.Object({ parcels: Type.Array(Parcel) }), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const rows = await findParcelsForStaff(deps.db, principalOf(request, 'staff'), request.query);
      return { parcels: rows.map(presentParcel) };
    },
  );

  app.get(
    '/api/v1/parcels/:id',
    {
      config: { access: access.sessionUser() },
      schema: {
        tags,
        summary: 'One parcel with its owners: for its owners, and for staff of its district',
        params: ParcelParams,
        response: { 200: ParcelDetail, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = principalOf(request, 'citizen', 'staff', 'office');
      const { parcel, owners } = await getParcel(deps.db, viewer, request.params.id);
      return presentParcelDetail(parcel, owners);
    },
  );

  app.patch(
    '/api/v1/parcels/:id',
    {
      config: { access: access.staff('clerk', 'expert') },
      schema: {
        tags,
        summary: "Correct a parcel's postal code or address (clerk or expert of its district; audited)",
        params: ParcelParams,
        body: ParcelUpdate,
        response: { 200: ParcelDetail, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { parcel, owners } = await correctParcelDetails(deps.db, {
        staff: principalOf(request, 'staff'),
        actor: actorOf(request),
        parcelId: request.params.id,
        ...request.body,
        at: deps.clock.now(),
      });
      return presentParcelDetail(parcel, owners);
    },
  );
}
