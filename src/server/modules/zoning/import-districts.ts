import { sql } from 'kysely';
import { recordAudit } from '../audit/record-audit.js';
import type { ImportReport } from './import-report.js';
import type { LayerImportInput } from './import-zones.js';
import { propertyOf } from './prepare-feature.js';
import { readLayer } from './read-layer.js';

const NUMBER_FIELDS = ['district', 'district_no', 'number', 'mantaghe', 'DISTRICT'];

/**
 * Sets the boundaries (and names) of a municipality's districts from a layer, creating missing districts:
 * e.g. Tehran's 22 districts. All or nothing.
 */
export async function importDistrictsLayer(
  input: LayerImportInput & { numberField?: string },
): Promise<ImportReport> {
  const seen = new Set<number>();
  const { rows } = await readLayer(input, (prepared) => {
    const number = Number(
      propertyOf(prepared.properties, input.numberField ? [input.numberField] : NUMBER_FIELDS),
    );
    if (!Number.isInteger(number) || number < 1 || number > 99)
      return 'it has no district number between 1 and 99';
    if (seen.has(number)) return `district ${number} appears twice`;
    seen.add(number);
    return {
      number,
      fa: String(propertyOf(prepared.properties, ['name_fa', 'name', 'nameFa']) ?? `منطقه ${number}`),
      en: String(propertyOf(prepared.properties, ['name_en', 'nameEn']) ?? `District ${number}`),
      vi: String(propertyOf(prepared.properties, ['name_vi', 'nameVi']) ?? `Quận ${number}`),
      boundary: JSON.stringify(prepared.geometry),
    };
  });
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
