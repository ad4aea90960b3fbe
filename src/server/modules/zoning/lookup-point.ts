import type { Db } from '../../db/schema.js';
import type { Locale } from '../../i18n/messages.js';
import type { OverlayEntry, ZoneEntry } from './classify-parcels.js';
import { composeParcelZoning } from './parcel-zoning.js';
import { zoningContext } from './zoning-context.js';
import type { MunicipalityIndexes, ZoningIndexRegistry } from './zoning-index.js';

/**
 * The zoning of the parcel at a position of the in-memory index, as `describeParcelZoning` composes it from the
 * database (the tests hold the two equal).
 */
export function parcelZoningFromMemory(
  indexes: MunicipalityIndexes,
  position: number,
  context: Parameters<typeof composeParcelZoning>[0],
  options: Parameters<typeof composeParcelZoning>[2] = {},
) {
  const { facts } = indexes;
  const parcel = facts.parcel(position);
  const zone = facts.zone(position);
  const zoneEntry = zone ? indexes.zoneList[zone.zone] : null;
  const overlaysVersion = indexes.overlaysLayer?.version ?? 0;
  return composeParcelZoning(
    context,
    {
      parcel,
      lotAreaM2: parcel.landAreaM2,
      streetWidthM: parcel.streetWidthM,
      landUse: parcel.landUse,
      zone:
        zone && zoneEntry && indexes.zonesLayer
          ? {
              code: zoneEntry.code,
              name: zoneEntry.name,
              layerVersion: indexes.zonesLayer.version,
              share: zone.share,
            }
          : null,
      overlays: facts.overlays(position).map((hit) => {
        const overlay = indexes.overlayList[hit.overlay];
        return {
          type: overlay.type,
          name: overlay.name,
          areaM2: hit.areaM2,
          share: hit.share,
          layerVersion: overlaysVersion,
        };
      }),
    },
    options,
  );
}

const NO_RULES: never[] = [];
const NO_OVERLAYS: never[] = [];

// What the answer says about the zone or an overlay at the point: one object per index entry, so that the JSON
// writer can reuse its text.
const zoneRefs = new WeakMap<ZoneEntry, { code: string; name: string | null; layerVersion: number }>();
const overlayRefs = new WeakMap<OverlayEntry, { type: string; name: string | null }>();

function zoneRef(zone: ZoneEntry, layerVersion: number) {
  let ref = zoneRefs.get(zone);
  if (!ref) {
    ref = { code: zone.code, name: zone.name, layerVersion };
    zoneRefs.set(zone, ref);
  }
  return ref;
}

function overlayRef(overlay: OverlayEntry) {
  let ref = overlayRefs.get(overlay);
  if (!ref) {
    ref = { type: overlay.type, name: overlay.name };
    overlayRefs.set(overlay, ref);
  }
  return ref;
}

/**
 * What is at a point, answered from memory with no SQL: the zone (exact point-in-polygon; a point on an edge
 * counts as inside), the overlays, and, when the point falls on a parcel, that parcel's zoning from the parcel
 * facts loaded with the index. Off any parcel, the whole table of the zone is returned so the visitor still sees
 * what the zone allows. Left out, and given by `GET /parcels/{id}/zoning`: the parcel's address (edited outside
 * the layer imports the index follows) and the explanations in words (conditions, fee formulas).
 */
export async function lookupPoint(input: {
  db: Db;
  registry: ZoningIndexRegistry;
  municipalityId: string;
  lat: number;
  lng: number;
  date: string;
  locale: Locale;
}) {
  const { lat, lng } = input;
  const indexes = await input.registry.get(input.municipalityId);
  const context = await zoningContext(input.db, input.municipalityId, input.date, input.locale);
  const zone = indexes.zones.pointQuery(lng, lat)[0] ?? null;
  const overlays = indexes.overlays.pointQuery(lng, lat);
  const position = indexes.parcels.pointQueryPositions(lng, lat)[0];
  const parcel =
    position === undefined ? null : parcelZoningFromMemory(indexes, position, context, { inWords: false });
  return {
    point: { lat, lng },
    zone: zone && indexes.zonesLayer ? zoneRef(zone, indexes.zonesLayer.version) : null,
    zoneRules: zone && !parcel ? context.zoneTable(zone.code) : NO_RULES,
    overlays: overlays.length === 0 ? NO_OVERLAYS : overlays.map(overlayRef),
    parcel,
  };
}
