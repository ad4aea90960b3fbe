// Real layers from /work/shared/data (see its README), for tests and benchmarks.
import fs from 'node:fs/promises';
import { it } from 'vitest';
import type { PolygonalGeometry, Position } from './types.js';

/** Folder of the real GIS layers, kept in the repository with their licences (test/fixtures/gis/README.md). */
export const DATA_DIR = process.env.GIS_DATA_DIR ?? 'test/fixtures/gis';

/** The real layers ship with the repository, so these tests always run. */
export const withData = it;

export const TEHRAN_DISTRICTS = `${DATA_DIR}/tehran/tehran_22_districts.geojson`;
export const MINNEAPOLIS_GEOJSON = `${DATA_DIR}/zoning-minneapolis/minneapolis_primary_zoning.geojson`;
export const MINNEAPOLIS_SHP = `${DATA_DIR}/zoning-minneapolis/shp/Minn_Primary_District.shp`;
export const MOSCOW_SHP = `${DATA_DIR}/buildings-moscow-shp/buildings.shp`;
export const NYC_SHP = `${DATA_DIR}/buildings-nyc-shp/buildings.shp`;

/** A feature of a small layer, loaded whole (fine for test data only). */
export interface LoadedFeature {
  properties: Record<string, unknown>;
  geometry: PolygonalGeometry;
}

/** Loads a small GeoJSON FeatureCollection whole. */
export async function loadFeatures(path: string): Promise<LoadedFeature[]> {
  const collection = JSON.parse(await fs.readFile(path, 'utf8')) as { features: LoadedFeature[] };
  return collection.features;
}

/** The 22 districts of Tehran. */
export function loadTehranDistricts(): Promise<LoadedFeature[]> {
  return loadFeatures(TEHRAN_DISTRICTS);
}

/** A ring written compactly as "x y, x y, …" (keeps coordinate-heavy tests readable). */
export function ring(text: string): Position[] {
  return text.split(',').map((pair) => {
    const [x, y] = pair.trim().split(/\s+/).map(Number);
    return [x, y];
  });
}
