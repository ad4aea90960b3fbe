import { bbox } from '../../gis/measure.js';
import { recordAudit } from '../audit/record-audit.js';
import { buildOverlayIndex, classifyAllParcels } from './classify-parcels.js';
import { ImportRejected, type ImportReport } from './import-report.js';
import { type LayerImportInput, NAME_FIELDS } from './import-zones.js';
import { insertLayerVersion } from './layer-repository.js';
import { type FeatureProblem, isProblem, prepareFeature, propertyOf } from './prepare-feature.js';
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
  const overlays: OverlayInsert[] = [];
  const problems: FeatureProblem[] = [];
  const warnings: ImportReport['warnings'] = [];
  let count = 0;
  for await (const item of input.features) {
    count++;
    input.onProgress?.(count, 'reading');
    const prepared = prepareFeature(item, input.crs);
    if (isProblem(prepared)) {
      problems.push(prepared);
      continue;
    }
    const raw = propertyOf(prepared.properties, input.typeField ? [input.typeField] : TYPE_FIELDS);
    const type = fixed ?? overlayType(raw);
    if (!type) {
      problems.push({
        index: item.index,
        featureId: null,
        reason: `its overlay type ${raw === undefined ? 'is missing' : `"${String(raw)}" is unknown`} (use ${OVERLAY_TYPES.join(', ')})`,
      });
      continue;
    }
    for (const message of prepared.warnings) warnings.push({ index: item.index, message });
    const name = propertyOf(prepared.properties, NAME_FIELDS);
    overlays.push({
      overlayType: type,
      name: name === undefined ? null : String(name),
      geometry: prepared.geometry,
      bbox: bbox(prepared.geometry),
      properties: prepared.properties,
    });
  }
  if (problems.length > 0 || count === 0) {
    throw new ImportRejected(
      count === 0 ? [{ index: 0, featureId: null, reason: 'the file has no features' }] : problems,
      count,
    );
  }
  return input.db.transaction().execute(async (trx) => {
    const layer = await insertLayerVersion(trx, {
      municipalityId: input.municipalityId,
      kind: 'overlays',
      name: input.layerName,
      sourceFile: input.file,
      sourceCrs: input.crs,
      featureCount: overlays.length,
      importedBy: input.actor.userId,
      at: input.at,
    });
    input.onProgress?.(count, 'writing');
    const ids = await insertOverlays(trx, input.municipalityId, layer.id, overlays);
    const index = buildOverlayIndex(
      overlays.map((o, i) => ({ id: ids[i], type: o.overlayType, name: o.name, geometry: o.geometry })),
    );
    const classified = await classifyAllParcels(
      trx,
      input.municipalityId,
      { overlays: { layerId: layer.id, index } },
      (done) => input.onProgress?.(done, 'classifying'),
    );
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'gis.overlays_imported',
        entityType: 'gis_layer',
        entityId: layer.id,
        details: { version: layer.version, features: overlays.length, file: input.file, crs: input.crs },
      },
      input.at,
    );
    return {
      kind: 'overlays' as const,
      file: input.file,
      crs: input.crs,
      features: overlays.length,
      layerId: layer.id,
      layerVersion: layer.version,
      warnings,
      parcelsClassified: classified,
    };
  });
}
