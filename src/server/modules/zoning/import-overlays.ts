import { bbox } from '../../gis/measure.js';
import { buildOverlayIndex } from './classify-parcels.js';
import type { ImportReport } from './import-report.js';
import { type LayerImportInput, NAME_FIELDS } from './import-zones.js';
import { propertyOf } from './prepare-feature.js';
import { readLayer } from './read-layer.js';
import { writeLayerVersion } from './write-layer.js';
import { insertOverlays, type OverlayInsert } from './zoning-repository.js';

export const OVERLAY_TYPES = ['street_widening', 'heritage', 'protected', 'flood', 'fault', 'other'] as const;
type OverlayType = (typeof OVERLAY_TYPES)[number];
const TYPE_FIELDS = ['overlay_type', 'overlayType', 'type', 'kind'];

function overlayType(value: unknown): OverlayType | null {
  const text = String(value ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (OVERLAY_TYPES as readonly string[]).includes(text) ? (text as OverlayType) : null;
}

/**
 * Imports an overlay layer (street-widening strips of the detailed plan, heritage or protected areas, flood or
 * fault zones) as a new version, all or nothing, and records for every parcel the overlays that take part of it.
 */
export async function importOverlaysLayer(
  input: LayerImportInput & { typeField?: string; fixedType?: string },
): Promise<ImportReport> {
  const fixed = input.fixedType === undefined ? null : overlayType(input.fixedType);
  if (input.fixedType !== undefined && !fixed) {
    throw new Error(`Unknown overlay type "${input.fixedType}": use one of ${OVERLAY_TYPES.join(', ')}`);
  }
  const { rows: overlays, warnings } = await readLayer<OverlayInsert>(input, (prepared) => {
    const raw = propertyOf(prepared.properties, input.typeField ? [input.typeField] : TYPE_FIELDS);
    const type = fixed ?? overlayType(raw);
    if (!type) {
      return `its overlay type ${raw === undefined ? 'is missing' : `"${String(raw)}" is unknown`} (use ${OVERLAY_TYPES.join(', ')})`;
    }
    const name = propertyOf(prepared.properties, NAME_FIELDS);
    return {
      overlayType: type,
      name: name === undefined ? null : String(name),
      geometry: prepared.geometry,
      bbox: bbox(prepared.geometry),
      properties: prepared.properties,
    };
  });
  return writeLayerVersion(
    input,
    { kind: 'overlays', features: overlays.length, warnings },
    async (trx, layerId) => {
      const ids = await insertOverlays(trx, input.municipalityId, layerId, overlays);
      const index = buildOverlayIndex(
        overlays.map((o, i) => ({ id: ids[i], type: o.overlayType, name: o.name, geometry: o.geometry })),
      );
      return { overlays: { layerId, index } };
    },
  );
}
