// The public API of the GIS library, for one import path.

export type { DbfTextIssue } from './dbf.js';
export { AUTHALIC_RADIUS, area, bbox, centroid, representativePoint, ringArea } from './measure.js';
export { intersectionArea, type Overlap, overlap } from './overlap.js';
export {
  BOUNDARY,
  INSIDE,
  OUTSIDE,
  pointInFlatRings,
  pointInPolygon,
  pointInRing,
} from './point-in-polygon.js';
export { type GeoJsonOptions, type GeoJsonSource, openGeoJson, readGeoJsonFeatures } from './read-geojson.js';
export {
  describeTextIssue,
  encodingFromCpg,
  openShapefile,
  type ShapefileFeature,
  type ShapefileSource,
} from './read-shapefile.js';
export {
  crsFromName,
  detectCrs,
  reprojectGeometry,
  reprojectPosition,
  SUPPORTED_CRS,
  type SupportedCrs,
} from './reproject.js';
export { roundCoordinates, simplifyGeometry, simplifyRing } from './simplify.js';
export { type IndexItem, PolygonIndex, PolygonIndexBuilder } from './spatial-index.js';
export * from './types.js';
export {
  type ValidateOptions,
  type ValidationCode,
  type ValidationResult,
  validateGeometry,
} from './validate.js';
