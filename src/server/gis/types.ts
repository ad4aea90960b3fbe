/** A WGS84 position: longitude then latitude, in degrees (RFC 7946 order). */
export type Position = [number, number];

/** A closed linear ring: first and last positions are equal. */
export type Ring = Position[];

/** [minX, minY, maxX, maxY]; in degrees for WGS84 data. */
export type BBox = [number, number, number, number];

/** A GeoJSON Polygon geometry: an outer ring, then holes. */
export interface Polygon {
  type: 'Polygon';
  coordinates: Ring[];
}

/** A GeoJSON MultiPolygon geometry: a list of polygons' ring lists. */
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}

/** Either polygonal geometry type. */
export type PolygonalGeometry = Polygon | MultiPolygon;

/** Where a point lies relative to a polygon. */
export type PointLocation = 'inside' | 'outside' | 'boundary';

/** A GeoJSON Feature as read from a file: geometry not yet validated. */
export interface Feature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown> | null;
  geometry: unknown;
}

/** One feature of a layer with its zero-based position in the source file. */
export interface IndexedFeature {
  index: number;
  feature: Feature;
}

/** The rings of each polygon of a Polygon or MultiPolygon, so callers handle both alike. */
export function polygonsOf(geometry: PolygonalGeometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
