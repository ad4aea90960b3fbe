import proj4, { type Converter } from 'proj4';
import type { PolygonalGeometry, Position } from './types.js';

/** The coordinate reference systems layers may arrive in: WGS84, or WGS84 / UTM zones 38N-41N (Iran). */
export type SupportedCrs = 'EPSG:4326' | 'EPSG:32638' | 'EPSG:32639' | 'EPSG:32640' | 'EPSG:32641';

const UTM_ZONES = [38, 39, 40, 41];

/** Every supported CRS code. */
export const SUPPORTED_CRS: readonly SupportedCrs[] = [
  'EPSG:4326',
  ...UTM_ZONES.map((zone) => `EPSG:326${zone}` as SupportedCrs),
];

for (const zone of UTM_ZONES)
  proj4.defs(`EPSG:326${zone}`, `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`);

/** The supported CRS with this EPSG number, if any. */
function fromEpsg(code: number | string): SupportedCrs | null {
  const crs = `EPSG:${Number(code)}`;
  return (SUPPORTED_CRS as readonly string[]).includes(crs) ? (crs as SupportedCrs) : null;
}

const WGS84_DATUM = /DATUM\[\s*"(?:D_)?WGS[_ ]?(?:19)?84"/i;

/** The CRS an ESRI .prj or OGC WKT (1 or 2) describes, when it is one we support. */
function crsFromWkt(wkt: string): SupportedCrs | null {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  const head = /^(\w+)\[\s*"([^"]*)"/.exec(text);
  if (!head) return null;
  const [, keyword, name] = head;
  const kind = keyword.toUpperCase();
  if (kind === 'PROJCS' || kind === 'PROJCRS' || kind === 'PROJECTEDCRS') {
    const zone = /^WGS[ _]?(?:19)?84[ _/]+UTM[ _]zone[ _](\d{1,2})N$/i.exec(name.trim());
    if (zone) return fromEpsg(326 * 100 + Number(zone[1]));
    // Names vary by software; a top-level EPSG authority (the last one in WKT1, outermost) also counts.
    const ids = [...text.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
    const last = ids.at(-1)?.[1];
    return last && last !== '4326' ? fromEpsg(last) : null;
  }
  if (kind === 'GEOGCS' || kind === 'GEOGCRS' || kind === 'GEODCRS') {
    return WGS84_DATUM.test(text) || /^(GCS_)?WGS[ _]?(19)?84$/i.test(name.trim()) ? 'EPSG:4326' : null;
  }
  return null;
}

/**
 * The CRS of a layer: from its .prj text when there is one (an unrecognised .prj gives null rather than a
 * guess), else guessed from a sample coordinate, WGS84 when it looks like degrees. Null means the caller
 * must be told the CRS (`--crs`).
 */
export function detectCrs(prjText?: string | null, sampleCoordinate?: Position): SupportedCrs | null {
  if (prjText && prjText.trim() !== '') return crsFromWkt(prjText);
  if (!sampleCoordinate) return null;
  const [x, y] = sampleCoordinate;
  return Math.abs(x) <= 180 && Math.abs(y) <= 90 ? 'EPSG:4326' : null;
}

/** The CRS of an old-style GeoJSON named `crs` ("urn:ogc:def:crs:EPSG::32639", "EPSG:4326", CRS84). */
export function crsFromName(name: string): SupportedCrs | null {
  const trimmed = name.trim();
  if (/^urn:ogc:def:crs:OGC:(1\.3)?:CRS84$/i.test(trimmed)) return 'EPSG:4326';
  const epsg = /^(?:urn:ogc:def:crs:)?EPSG:(?:[\d.]*:)?(\d+)$/i.exec(trimmed);
  return epsg ? fromEpsg(epsg[1]) : null;
}

const converters = new Map<string, Converter>();

function converter(from: SupportedCrs, to: SupportedCrs): Converter {
  const key = `${from}>${to}`;
  let found = converters.get(key);
  if (!found) {
    found = proj4(from, to);
    converters.set(key, found);
  }
  return found;
}

/** One position converted between supported CRSs (extra ordinates such as z are dropped). */
export function reprojectPosition(
  position: readonly number[],
  from: SupportedCrs,
  to: SupportedCrs,
): Position {
  const [x, y] = converter(from, to).forward([position[0], position[1]]);
  return [x, y];
}

/** A Polygon or MultiPolygon converted to WGS84 (or to `toCrs`); returned unchanged when the CRSs match. */
export function reprojectGeometry<G extends PolygonalGeometry>(
  geometry: G,
  fromCrs: SupportedCrs,
  toCrs: SupportedCrs = 'EPSG:4326',
): G {
  if (fromCrs === toCrs) return geometry;
  const forward = converter(fromCrs, toCrs).forward;
  const ring = (positions: readonly Position[]): Position[] =>
    positions.map((p) => {
      const [x, y] = forward([p[0], p[1]]);
      return [x, y];
    });
  // A bbox member would be stale after conversion, so only type and coordinates are kept.
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } as G;
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map(ring)) } as G;
}
