import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { toLatinDigits } from '../../../shared/digits.js';
import { access, principalOf } from '../../http/access.js';
import { notFound } from '../../http/errors.js';
import { requestLocale } from '../../http/locale.js';
import { errors } from '../../http/schemas.js';
import { getParcel } from '../parcels/service.js';
import { checkBuildingProposal } from './building-check.js';
import { pointLookupJson } from './lookup-json.js';
import { lookupPoint } from './lookup-point.js';
import { mapFeatures, parseBbox } from './map-features.js';
import { describeParcelZoning, findParcelByRef, presentPublicParcel } from './parcel-zoning.js';
import { searchPublicParcels } from './parcel-zoning-repository.js';
import { publicContext, todayIn } from './public-context.js';
import {
  BuildingCheckResult,
  BuildingProposal,
  LookupQuery,
  MapExtent,
  MapFeatures,
  MapQuery,
  ParcelRefParams,
  ParcelSearchQuery,
  ParcelZoning,
  ParcelZoningQuery,
  PointLookup,
  PublicParcel,
} from './schema.js';
import type { ZoningIndexRegistry } from './zoning-index.js';

declare module 'fastify' {
  interface FastifyInstance {
    zoningIndexes: ZoningIndexRegistry;
  }
}

const tags = ['zoning'];
const JSON_UTF8 = 'application/json; charset=utf-8';

export async function zoningRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;
  const registry = fastify.zoningIndexes;

  app.get(
    '/api/v1/zoning/lookup',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary:
          'What may be built at a point: its zone, overlays and, on a parcel, the parcel’s full zoning',
        querystring: LookupQuery,
        response: { 200: PointLookup, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      const context = await publicContext(deps, request.query);
      const result = await lookupPoint({
        db: deps.db,
        registry,
        municipalityId: context.municipalityId,
        date: context.date,
        lat: request.query.lat,
        lng: request.query.lng,
        locale: requestLocale(request),
      });
      // Already encoded JSON (written to the response schema, see lookup-json.ts): Fastify sends it as it is.
      return (reply as FastifyReply).type(JSON_UTF8).send(pointLookupJson(result));
    },
  );

  app.get(
    '/api/v1/parcels/:id/zoning',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary:
          'Zoning of a parcel by its id or renewal code: rules, limits, overlays and estimated permit fees',
        params: ParcelRefParams,
        querystring: ParcelZoningQuery,
        response: { 200: ParcelZoning, ...errors(400, 404) },
      },
    },
    async (request) => {
      const context = await publicContext(deps, request.query);
      const parcel = await findParcelByRef(deps.db, context.municipalityId, toLatinDigits(request.params.id));
      return describeParcelZoning({ db: deps.db, ...context, parcel, locale: requestLocale(request) });
    },
  );

  app.get(
    '/api/v1/zoning/parcels',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: 'Find parcels by renewal code, postal code or registration plate (public facts only)',
        querystring: ParcelSearchQuery,
        response: { 200: Type.Object({ parcels: Type.Array(PublicParcel) }), ...errors(400, 404) },
      },
    },
    async (request) => {
      const { municipalityId } = await publicContext(deps, request.query);
      const q = request.query;
      const rows = await searchPublicParcels(
        deps.db,
        municipalityId,
        {
          renewalCode: q.renewalCode ? toLatinDigits(q.renewalCode).trim() : undefined,
          postalCode: q.postalCode ? toLatinDigits(q.postalCode) : undefined,
          registrationSection: q.registrationSection,
          mainPlate: q.mainPlate,
          subPlate: q.subPlate,
        },
        q.renewalCode || q.postalCode || q.mainPlate ? 20 : 0,
      );
      return { parcels: rows.map(presentPublicParcel) };
    },
  );

  app.get(
    '/api/v1/map/features',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary:
          'Zones, overlays and (when few enough are in view) parcels inside a map view, simplified for the zoom',
        querystring: MapQuery,
        response: { 200: MapFeatures, ...errors(400, 404) },
      },
    },
    async (request) => {
      const { municipalityId } = await publicContext(deps, request.query);
      return mapFeatures({
        db: deps.db,
        registry,
        municipalityId,
        bbox: parseBbox(request.query.bbox),
        zoom: request.query.zoom,
      });
    },
  );

  app.get(
    '/api/v1/map/extent',
    {
      config: { access: access.public() },
      schema: {
        tags,
        summary: "The area the municipality's map covers",
        querystring: Type.Object({
          municipality: Type.Optional(Type.String()),
          lang: Type.Optional(Type.String()),
        }),
        response: { 200: MapExtent, ...errors(404) },
      },
    },
    async (request) => {
      const { municipalityId } = await publicContext(deps, request.query);
      const { extent } = await registry.get(municipalityId);
      if (!extent) throw notFound('map');
      return { bbox: extent, center: { lng: (extent[0] + extent[2]) / 2, lat: (extent[1] + extent[3]) / 2 } };
    },
  );

  app.post(
    '/api/v1/parcels/:id/building-check',
    {
      config: { access: access.citizenOrStaff() },
      schema: {
        tags,
        summary:
          'Check a proposed building on a parcel against the zoning rules, with its permit fees (owner or district staff)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: BuildingProposal,
        response: { 200: BuildingCheckResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = principalOf(request, 'citizen', 'staff');
      await getParcel(deps.db, viewer, request.params.id);
      const parcel = await findParcelByRef(deps.db, viewer.municipalityId, request.params.id);
      return checkBuildingProposal({
        db: deps.db,
        municipalityId: viewer.municipalityId,
        parcel,
        proposal: request.body,
        date: await todayIn(deps, viewer.municipalityId),
        locale: requestLocale(request),
      });
    },
  );
}
