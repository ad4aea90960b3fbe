import { reprojectGeometry, type SupportedCrs } from '../../gis/reproject.js';
import type { PolygonalGeometry } from '../../gis/types.js';
import { validateGeometry } from '../../gis/validate.js';
import type { SourceFeature } from './feature-source.js';

/** A feature that can be imported: WGS84, validated and cleaned. */
export interface PreparedFeature {
  index: number;
  geometry: PolygonalGeometry;
  properties: Record<string, unknown>;
  warnings: string[];
}

/** Why a feature cannot be imported: the administrator fixes the file and imports it again. */
export interface FeatureProblem {
  index: number;
  featureId: string | null;
  reason: string;
}

function isPolygonal(geometry: unknown): geometry is PolygonalGeometry {
  const type = (geometry as { type?: unknown } | null)?.type;
  return (
    (type === 'Polygon' || type === 'MultiPolygon') &&
    Array.isArray((geometry as { coordinates?: unknown }).coordinates)
  );
}

/** Reprojects a feature to WGS84 and validates it; a problem names the feature and says what is wrong. */
export function prepareFeature(item: SourceFeature, crs: SupportedCrs): PreparedFeature | FeatureProblem {
  const featureId = item.feature.id === undefined ? null : String(item.feature.id);
  const problem = (reason: string): FeatureProblem => ({ index: item.index, featureId, reason });
  const raw = item.feature.geometry;
  if (raw === null || raw === undefined) return problem('the feature has no geometry');
  if (!isPolygonal(raw))
    return problem(
      `the geometry is a ${String((raw as { type?: unknown }).type)}, not a Polygon or MultiPolygon`,
    );
  let wgs84: unknown = raw;
  if (crs !== 'EPSG:4326') {
    try {
      wgs84 = reprojectGeometry(raw, crs);
    } catch (err) {
      return problem(`its coordinates could not be converted from ${crs}: ${(err as Error).message}`);
    }
  }
  const checked = validateGeometry(wgs84);
  if (!checked.ok) return problem(checked.reason);
  return {
    index: item.index,
    geometry: checked.geometry,
    properties: item.feature.properties ?? {},
    warnings: item.warnings,
  };
}

export function isProblem(value: PreparedFeature | FeatureProblem): value is FeatureProblem {
  return 'reason' in value;
}

/** A property by any of its accepted names, case-insensitively (files name fields differently). */
export function propertyOf(properties: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    if (name in properties && properties[name] !== null && properties[name] !== '') return properties[name];
  }
  const lower = new Map(Object.entries(properties).map(([key, value]) => [key.toLowerCase(), value]));
  for (const name of names) {
    const value = lower.get(name.toLowerCase());
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}
