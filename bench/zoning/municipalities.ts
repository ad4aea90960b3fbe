import type pg from 'pg';

/**
 * Creates a municipality beside the seeded one with the same 4 districts (boundaries included) and, when
 * `withZoning`, copies of its current zones and overlays layers and its rule sets and tariffs, so that parcels
 * imported into it are classified exactly as the seeded city's were. Returns the new municipality's id.
 */
export async function cloneMunicipalityFrame(
  client: pg.Pool | pg.PoolClient,
  sourceId: string,
  code: string,
  withZoning: boolean,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO municipalities (code, name_fa, name_en, name_vi, timezone)
     SELECT $2, name_fa || ' (' || $2 || ')', name_en || ' (' || $2 || ')', name_vi, timezone
       FROM municipalities WHERE id = $1
     RETURNING id`,
    [sourceId, code],
  );
  const id = rows[0].id;
  await client.query(
    `INSERT INTO districts (municipality_id, number, name_fa, name_en, name_vi, boundary)
     SELECT $2, number, name_fa, name_en, name_vi, boundary FROM districts WHERE municipality_id = $1`,
    [sourceId, id],
  );
  if (!withZoning) return id;
  for (const kind of ['zones', 'overlays'] as const) {
    const layer = await client.query<{ id: string }>(
      `INSERT INTO gis_layers (municipality_id, kind, version, name, source_file, source_crs, feature_count)
       SELECT $2, kind, 1, name, source_file, source_crs, feature_count FROM gis_layers
        WHERE municipality_id = $1 AND kind = $3 ORDER BY version DESC LIMIT 1
       RETURNING id`,
      [sourceId, id, kind],
    );
    if (layer.rows.length === 0) continue;
    const typeColumn = kind === 'zones' ? 'zone_code' : 'overlay_type';
    await client.query(
      `INSERT INTO ${kind} (municipality_id, layer_id, ${typeColumn}, name, geometry, min_lng, min_lat, max_lng, max_lat, properties)
       SELECT $2, $3, ${typeColumn}, name, geometry, min_lng, min_lat, max_lng, max_lat, properties FROM ${kind}
        WHERE layer_id = (SELECT id FROM gis_layers WHERE municipality_id = $1 AND kind = $4
                          ORDER BY version DESC LIMIT 1)`,
      [sourceId, id, layer.rows[0].id, kind],
    );
  }
  await client.query(
    `INSERT INTO zoning_rule_sets (municipality_id, effective_from, resolution_no, rules)
     SELECT $2, effective_from, resolution_no, rules FROM zoning_rule_sets WHERE municipality_id = $1`,
    [sourceId, id],
  );
  await client.query(
    `INSERT INTO permit_fee_tariffs (municipality_id, effective_from, resolution_no, tariff)
     SELECT $2, effective_from, resolution_no, tariff FROM permit_fee_tariffs WHERE municipality_id = $1`,
    [sourceId, id],
  );
  return id;
}

/**
 * The import's baseline: the same parcel rows copied within PostgreSQL by one INSERT … SELECT into another
 * municipality (same table, same indexes and constraints; no parsing, no geometry work, no classification).
 */
export async function copyParcelsWithinPostgres(pool: pg.Pool, sourceId: string, targetId: string) {
  const started = performance.now();
  const result = await pool.query(
    `INSERT INTO parcels (municipality_id, district_id, renewal_code, registration_section, main_plate, sub_plates,
       postal_code, address, land_area_m2, built_area_m2, land_use, geometry, centroid_lng, centroid_lat, street_width_m)
     SELECT $2, target.id, p.renewal_code, p.registration_section, p.main_plate, p.sub_plates, p.postal_code,
       p.address, p.land_area_m2, p.built_area_m2, p.land_use, p.geometry, p.centroid_lng, p.centroid_lat,
       p.street_width_m
       FROM parcels p
       JOIN districts source ON source.id = p.district_id
       JOIN districts target ON target.municipality_id = $2 AND target.number = source.number
      WHERE p.municipality_id = $1`,
    [sourceId, targetId],
  );
  return { rows: result.rowCount ?? 0, ms: performance.now() - started };
}
