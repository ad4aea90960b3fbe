import type { Db } from '../../db/schema.js';
import type { PolygonalGeometry } from '../../gis/types.js';
import { buildOverlayIndex, buildZoneIndex, type Classification } from './classify-parcels.js';
import { findCurrentLayer, listLayerOverlays, listLayerZones } from './layer-repository.js';

/** The current zones and overlays layers of a municipality, indexed, to classify parcels against. */
export async function currentClassification(db: Db, municipalityId: string): Promise<Classification> {
  const classification: Classification = {};
  const zonesLayer = await findCurrentLayer(db, municipalityId, 'zones');
  if (zonesLayer) {
    const zones = await listLayerZones(db, zonesLayer.id);
    classification.zones = {
      layerId: zonesLayer.id,
      index: buildZoneIndex(
        zones.map((z) => ({
          id: z.id,
          code: z.zone_code,
          name: z.name,
          geometry: z.geometry as PolygonalGeometry,
        })),
      ),
    };
  }
  const overlaysLayer = await findCurrentLayer(db, municipalityId, 'overlays');
  if (overlaysLayer) {
    const overlays = await listLayerOverlays(db, overlaysLayer.id);
    classification.overlays = {
      layerId: overlaysLayer.id,
      index: buildOverlayIndex(
        overlays.map((o) => ({
          id: o.id,
          type: o.overlay_type,
          name: o.name,
          geometry: o.geometry as PolygonalGeometry,
        })),
      ),
    };
  }
  return classification;
}
