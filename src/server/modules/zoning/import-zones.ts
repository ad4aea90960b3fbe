import type { Db } from '../../db/schema.js';
import { bbox } from '../../gis/measure.js';
import type { SupportedCrs } from '../../gis/reproject.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { buildZoneIndex, classifyAllParcels } from './classify-parcels.js';
import type { SourceFeature } from './feature-source.js';
import { type ImportProgress, ImportRejected, type ImportReport } from './import-report.js';
import { insertLayerVersion } from './layer-repository.js';
import { type FeatureProblem, isProblem, prepareFeature, propertyOf } from './prepare-feature.js';
import { insertZones, type ZoneInsert } from './zoning-repository.js';

export const ZONE_CODE_FIELDS = ['zone_code', 'zoneCode', 'zone', 'code', 'ZONE_CODE', 'kod'];
export const NAME_FIELDS = ['name', 'name_fa', 'title', 'NAME'];

export interface LayerImportInput {
  db: Db;
  municipalityId: string;
  features: AsyncIterable<SourceFeature>;
  crs: SupportedCrs;
  file: string | null;
  layerName: string;
  actor: Actor;
  at: Date;
  onProgress?: ImportProgress;
}

/**
 * Imports a zoning layer as a new version: every feature must be a valid polygon with a zone code, or nothing is
 * written. Then every parcel gets the zone holding most of its area under this version; older versions and
 * their parcel zones stay, for cases decided under them.
 */
export async function importZonesLayer(
  input: LayerImportInput & { codeField?: string },
): Promise<ImportReport> {
  const codeFields = input.codeField ? [input.codeField] : ZONE_CODE_FIELDS;
  const zones: ZoneInsert[] = [];
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
    const code = propertyOf(prepared.properties, codeFields);
    if (code === undefined) {
      problems.push({
        index: item.index,
        featureId: null,
        reason: `it has no zone code (looked for ${codeFields.join(', ')})`,
      });
      continue;
    }
    for (const message of prepared.warnings) warnings.push({ index: item.index, message });
    const name = propertyOf(prepared.properties, NAME_FIELDS);
    zones.push({
      zoneCode: String(code).trim(),
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
      kind: 'zones',
      name: input.layerName,
      sourceFile: input.file,
      sourceCrs: input.crs,
      featureCount: zones.length,
      importedBy: input.actor.userId,
      at: input.at,
    });
    input.onProgress?.(count, 'writing');
    const ids = await insertZones(trx, input.municipalityId, layer.id, zones);
    const index = buildZoneIndex(
      zones.map((zone, i) => ({ id: ids[i], code: zone.zoneCode, name: zone.name, geometry: zone.geometry })),
    );
    const classified = await classifyAllParcels(
      trx,
      input.municipalityId,
      { zones: { layerId: layer.id, index } },
      (done) => input.onProgress?.(done, 'classifying'),
    );
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'gis.zones_imported',
        entityType: 'gis_layer',
        entityId: layer.id,
        details: {
          version: layer.version,
          features: zones.length,
          file: input.file,
          crs: input.crs,
          parcelsClassified: classified,
        },
      },
      input.at,
    );
    return {
      kind: 'zones' as const,
      file: input.file,
      crs: input.crs,
      features: zones.length,
      layerId: layer.id,
      layerVersion: layer.version,
      warnings,
      parcelsClassified: classified,
    };
  });
}
