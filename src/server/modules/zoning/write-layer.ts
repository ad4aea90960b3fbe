import { analyzeTables } from '../../db/analyze.js';
import type { Db } from '../../db/schema.js';
import type { SupportedCrs } from '../../gis/reproject.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Classification, classifyAllParcels } from './classify-parcels.js';
import type { ImportProgress, ImportReport } from './import-report.js';
import { insertLayerVersion } from './layer-repository.js';

/**
 * Writes a new version of a zones or overlays layer in one transaction: the version row, its features (by
 * `insert`, which returns how to classify parcels against them), every parcel classified, one audit event; then
 * refreshes the statistics of the tables it filled.
 */
export async function writeLayerVersion(
  input: {
    db: Db;
    municipalityId: string;
    crs: SupportedCrs;
    file: string | null;
    layerName: string;
    actor: Actor;
    at: Date;
    onProgress?: ImportProgress;
  },
  layer: { kind: 'zones' | 'overlays'; features: number; warnings: ImportReport['warnings'] },
  insert: (trx: Db, layerId: string) => Promise<Classification>,
): Promise<ImportReport> {
  const report = await input.db.transaction().execute(async (trx) => {
    const version = await insertLayerVersion(trx, {
      municipalityId: input.municipalityId,
      kind: layer.kind,
      name: input.layerName,
      sourceFile: input.file,
      sourceCrs: input.crs,
      featureCount: layer.features,
      importedBy: input.actor.userId,
      at: input.at,
    });
    input.onProgress?.(layer.features, 'writing');
    const classification = await insert(trx, version.id);
    const classified = await classifyAllParcels(trx, input.municipalityId, classification, (done) =>
      input.onProgress?.(done, 'classifying'),
    );
    await recordAudit(
      trx,
      input.actor,
      {
        action: `gis.${layer.kind}_imported`,
        entityType: 'gis_layer',
        entityId: version.id,
        details: {
          version: version.version,
          features: layer.features,
          file: input.file,
          crs: input.crs,
          parcelsClassified: classified,
        },
      },
      input.at,
    );
    return {
      kind: layer.kind,
      file: input.file,
      crs: input.crs,
      features: layer.features,
      layerId: version.id,
      layerVersion: version.version,
      warnings: layer.warnings,
      parcelsClassified: classified,
    };
  });
  await analyzeTables(
    input.db,
    layer.kind === 'zones' ? ['zones', 'parcel_zones'] : ['overlays', 'parcel_overlays'],
  );
  return report;
}
