import { once } from 'node:events';
import fs from 'node:fs';
import type pg from 'pg';

const PAGE = 5_000;

interface ExportRow {
  id: string;
  renewal_code: string;
  district: number;
  registration_section: number;
  main_plate: number;
  sub_plates: number[];
  postal_code: string | null;
  address: string | null;
  land_use: string;
  street_width_m: string | null;
  geometry: string;
}

/**
 * Writes a municipality's parcels to a GeoJSON FeatureCollection, read in keyset pages and written with
 * back-pressure, so memory stays bounded by one page whatever the number of parcels. Geometry is copied as
 * PostgreSQL's JSON text (no parse, no re-serialisation).
 */
export async function exportParcelsGeoJson(pool: pg.Pool, municipalityId: string, file: string) {
  const started = performance.now();
  const out = fs.createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"type":"FeatureCollection","features":[\n');
  let afterId = '00000000-0000-0000-0000-000000000000';
  let count = 0;
  for (;;) {
    const { rows } = await pool.query<ExportRow>(
      `SELECT p.id, p.renewal_code, d.number AS district, p.registration_section, p.main_plate, p.sub_plates,
              p.postal_code, p.address, p.land_use, p.street_width_m, p.geometry::text AS geometry
         FROM parcels p JOIN districts d ON d.id = p.district_id
        WHERE p.municipality_id = $1 AND p.id > $2
        ORDER BY p.id LIMIT ${PAGE}`,
      [municipalityId, afterId],
    );
    if (rows.length === 0) break;
    const parts: string[] = [];
    for (const row of rows) {
      const properties = {
        renewal_code: row.renewal_code,
        district: row.district,
        registration_section: row.registration_section,
        main_plate: row.main_plate,
        sub_plate: row.sub_plates.join(','),
        postal_code: row.postal_code,
        address: row.address,
        land_use: row.land_use,
        street_width_m: row.street_width_m === null ? null : Number(row.street_width_m),
      };
      parts.push(
        `${count === 0 && parts.length === 0 ? '' : ',\n'}{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":${row.geometry}}`,
      );
    }
    count += rows.length;
    await write(parts.join(''));
    afterId = rows[rows.length - 1].id;
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return { features: count, bytes: fs.statSync(file).size, ms: performance.now() - started };
}
