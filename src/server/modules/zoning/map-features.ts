import type { Db, GeoJsonGeometry } from '../../db/schema.js';
import { roundCoordinates, simplifyGeometry } from '../../gis/simplify.js';
import type { BBox, PolygonalGeometry } from '../../gis/types.js';
import { invalidField } from '../../http/errors.js';
import { listParcelShapes } from './parcel-zoning-repository.js';
import type { ZoningIndexRegistry } from './zoning-index.js';

/** Parcels are drawn only when this many or fewer are in view; otherwise the map asks to zoom in. */
export const PARCEL_LIMIT = 3_000;
// Counting every parcel of a million-parcel city on each zoomed-out view would cost more than the view is worth.
const COUNT_CAP = 100_000;

export function parseBbox(text: string): BBox {
  const box = text.split(',').map(Number) as BBox;
  const [minLng, minLat, maxLng, maxLat] = box;
  const valid =
    box.every(Number.isFinite) &&
    minLng < maxLng &&
    minLat < maxLat &&
    minLng >= -180 &&
    maxLng <= 180 &&
    minLat >= -90 &&
    maxLat <= 90;
  if (!valid) throw invalidField('bbox', 'invalid');
  return box;
}

/** Half a screen pixel at this zoom, in degrees: simplification nobody can see. */
function toleranceFor(zoom: number): number {
  return 360 / (256 * 2 ** zoom) / 2;
}

function feature(geometry: PolygonalGeometry, properties: Record<string, unknown>, zoom: number) {
  const simplified = roundCoordinates(simplifyGeometry(geometry, toleranceFor(zoom)), 6);
  return {
    type: 'Feature' as const,
    geometry: simplified as unknown as { type: string; coordinates: unknown[] },
    properties,
  };
}

const collection = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });

/**
 * What the map shows in a view: the zones and overlays it overlaps, simplified for the zoom, and the parcels
 * only when few enough are in view; never a whole layer.
 */
export async function mapFeatures(input: {
  db: Db;
  registry: ZoningIndexRegistry;
  municipalityId: string;
  bbox: BBox;
  zoom: number;
}) {
  const indexes = await input.registry.get(input.municipalityId);
  const zones = indexes.zones.bboxQuery(input.bbox);
  const overlays = indexes.overlays.bboxQuery(input.bbox);
  const positions = indexes.parcels.bboxQuery(input.bbox, PARCEL_LIMIT + 1);
  const tooMany = positions.length > PARCEL_LIMIT;
  const parcelIds = tooMany ? [] : positions.map((position) => indexes.facts.id(position));
  const shapes =
    tooMany || parcelIds.length === 0
      ? []
      : await listParcelShapes(input.db, input.municipalityId, parcelIds, indexes.zonesLayer?.id ?? null);
  return {
    zones: collection(zones.map((z) => feature(z.geometry, { code: z.code, name: z.name }, input.zoom))),
    overlays: collection(
      overlays.map((o) => feature(o.geometry, { type: o.type, name: o.name }, input.zoom)),
    ),
    parcels: tooMany
      ? null
      : collection(
          shapes.map((p) =>
            feature(
              p.geometry as GeoJsonGeometry as PolygonalGeometry,
              { id: p.id, renewalCode: p.renewal_code, zoneCode: p.zone_code, landUse: p.land_use },
              input.zoom,
            ),
          ),
        ),
    parcelsInView: tooMany ? indexes.parcels.bboxQuery(input.bbox, COUNT_CAP).length : parcelIds.length,
    parcelLimit: PARCEL_LIMIT,
  };
}
