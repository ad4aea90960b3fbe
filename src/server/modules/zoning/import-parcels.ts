import type { LandUse } from '../../../shared/land-use.js';
import { analyzeTables } from '../../db/analyze.js';
import { area, representativePoint } from '../../gis/measure.js';
import { PolygonIndex } from '../../gis/spatial-index.js';
import type { PolygonalGeometry } from '../../gis/types.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Classification, classifyParcelBatch } from './classify-parcels.js';
import { currentClassification } from './current-layers.js';
import { ImportRejected, type ImportReport } from './import-report.js';
import type { LayerImportInput } from './import-zones.js';
import { insertLayerVersion } from './layer-repository.js';
import { readParcelAttributes } from './parcel-fields.js';
import { listDistricts, type ParcelUpsert, upsertParcels } from './parcel-import-repository.js';
import { type FeatureProblem, isProblem, prepareFeature } from './prepare-feature.js';

const BATCH = 2_000;

/**
 * Imports a parcel layer in one transaction: each feature needs a valid polygon, a renewal code, a registration
 * plate and a land use (or the default), and lands in the district named by its `district` attribute, by
 * `districtNumber`, or by the district boundary holding it. Any problem → nothing is written, all are listed.
 * Imported parcels get their zone and overlays under the current layers.
 */
export async function importParcelsLayer(
  input: LayerImportInput & { districtNumber?: number; defaultLandUse?: LandUse },
): Promise<ImportReport> {
  const districts = await listDistricts(input.db, input.municipalityId);
  const byNumber = new Map(districts.map((d) => [d.number, d.id]));
  const bounded = districts.filter((d) => d.boundary);
  const boundaries = PolygonIndex.from(
    bounded.map((d) => ({ id: d.id, geometry: d.boundary as PolygonalGeometry, data: d.id })),
  );
  const problems: FeatureProblem[] = [];
  const warnings: ImportReport['warnings'] = [];
  const seen = new Set<string>();
  let count = 0;
  let imported = 0;

  const outcome = await input.db.transaction().execute(async (trx) => {
    const classification: Classification = await currentClassification(trx, input.municipalityId);
    let batch: ParcelUpsert[] = [];
    const flush = async () => {
      if (batch.length === 0 || problems.length > 0) return;
      const { ids, updated } = await upsertParcels(trx, input.municipalityId, batch);
      await classifyParcelBatch(
        trx,
        input.municipalityId,
        batch.map((p, i) => ({ id: ids[i], geometry: p.geometry })),
        classification,
        updated,
      );
      imported += batch.length;
      input.onProgress?.(imported, 'writing');
      batch = [];
    };
    for await (const item of input.features) {
      count++;
      if (count % 1000 === 0) input.onProgress?.(count, 'reading');
      const prepared = prepareFeature(item, input.crs);
      if (isProblem(prepared)) {
        problems.push(prepared);
        continue;
      }
      const attributes = readParcelAttributes(prepared.properties, { landUse: input.defaultLandUse });
      if (typeof attributes === 'string') {
        problems.push({ index: item.index, featureId: null, reason: attributes });
        continue;
      }
      if (seen.has(attributes.renewalCode)) {
        problems.push({
          index: item.index,
          featureId: null,
          reason: `renewal code ${attributes.renewalCode} appears twice in the file`,
        });
        continue;
      }
      seen.add(attributes.renewalCode);
      const [lng, lat] = representativePoint(prepared.geometry);
      const number = attributes.districtNumber ?? input.districtNumber ?? null;
      const districtId = number !== null ? byNumber.get(number) : boundaries.pointQuery(lng, lat)[0];
      if (!districtId) {
        problems.push({
          index: item.index,
          featureId: null,
          reason:
            number !== null
              ? `district ${number} does not exist`
              : 'no district boundary contains it, and it names no district',
        });
        continue;
      }
      for (const message of prepared.warnings) warnings.push({ index: item.index, message });
      batch.push({
        ...attributes,
        districtId,
        geometry: prepared.geometry,
        landAreaM2: area(prepared.geometry),
        lng,
        lat,
      });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (problems.length > 0 || count === 0) {
      // Thrown inside the transaction so that the batches written before the first problem roll back too.
      const reasons =
        count === 0 ? [{ index: 0, featureId: null, reason: 'the file has no features' }] : problems;
      throw new ImportRejected(reasons, count);
    }
    const layer = await insertLayerVersion(trx, {
      municipalityId: input.municipalityId,
      kind: 'parcels',
      name: input.layerName,
      sourceFile: input.file,
      sourceCrs: input.crs,
      featureCount: imported,
      importedBy: input.actor.userId,
      at: input.at,
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'gis.parcels_imported',
        entityType: 'gis_layer',
        entityId: layer.id,
        details: { version: layer.version, parcels: imported, file: input.file, crs: input.crs },
      },
      input.at,
    );
    return { layer };
  });
  await analyzeTables(input.db, ['parcels', 'parcel_zones', 'parcel_overlays']);
  return {
    kind: 'parcels',
    file: input.file,
    crs: input.crs,
    features: imported,
    layerId: outcome.layer.id,
    layerVersion: outcome.layer.version,
    warnings,
    parcelsClassified: imported,
  };
}
