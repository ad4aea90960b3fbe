import { sql } from 'kysely';
import { recordAudit } from '../audit/record-audit.js';
import { ImportRejected, type ImportReport } from './import-report.js';
import type { LayerImportInput } from './import-zones.js';
import { type FeatureProblem, isProblem, prepareFeature, propertyOf } from './prepare-feature.js';

const NUMBER_FIELDS = ['district', 'district_no', 'number', 'mantaghe', 'DISTRICT'];

/**
 * Sets the boundaries (and names) of a municipality's districts from a layer, creating missing districts:
 * e.g. Tehran's 22 districts. All or nothing.
 */
export async function importDistrictsLayer(
  input: LayerImportInput & { numberField?: string },
): Promise<ImportReport> {
  const rows: { number: number; fa: string; en: string; vi: string; boundary: string }[] = [];
  const problems: FeatureProblem[] = [];
  const seen = new Set<number>();
  let count = 0;
  for await (const item of input.features) {
    count++;
    input.onProgress?.(count, 'reading');
    const prepared = prepareFeature(item, input.crs);
    if (isProblem(prepared)) {
      problems.push(prepared);
      continue;
    }
    const number = Number(
      propertyOf(prepared.properties, input.numberField ? [input.numberField] : NUMBER_FIELDS),
    );
    if (!Number.isInteger(number) || number < 1 || number > 99) {
      problems.push({
        index: item.index,
        featureId: null,
        reason: 'it has no district number between 1 and 99',
      });
      continue;
    }
    if (seen.has(number)) {
      problems.push({ index: item.index, featureId: null, reason: `district ${number} appears twice` });
      continue;
    }
    seen.add(number);
    const en = String(propertyOf(prepared.properties, ['name_en', 'nameEn']) ?? `District ${number}`);
    rows.push({
      number,
      fa: String(propertyOf(prepared.properties, ['name_fa', 'name', 'nameFa']) ?? `منطقه ${number}`),
      en,
      vi: String(propertyOf(prepared.properties, ['name_vi', 'nameVi']) ?? `Quận ${number}`),
      boundary: JSON.stringify(prepared.geometry),
    });
  }
  if (problems.length > 0 || count === 0) {
    throw new ImportRejected(
      count === 0 ? [{ index: 0, featureId: null, reason: 'the file has no features' }] : problems,
      count,
    );
  }
  return input.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      await sql`
        INSERT INTO districts (municipality_id, number, name_fa, name_en, name_vi, boundary)
        VALUES (${input.municipalityId}, ${row.number}, ${row.fa}, ${row.en}, ${row.vi}, ${row.boundary}::jsonb)
        ON CONFLICT (municipality_id, number) DO UPDATE
          SET boundary = excluded.boundary, name_fa = excluded.name_fa, name_en = excluded.name_en,
              name_vi = excluded.name_vi, updated_at = now()`.execute(trx);
    }
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'gis.districts_imported',
        entityType: 'municipality',
        entityId: input.municipalityId,
        details: { districts: rows.map((row) => row.number), file: input.file, crs: input.crs },
      },
      input.at,
    );
    return {
      kind: 'districts' as const,
      file: input.file,
      crs: input.crs,
      features: rows.length,
      layerId: null,
      layerVersion: null,
      warnings: [],
      parcelsClassified: 0,
    };
  });
}
