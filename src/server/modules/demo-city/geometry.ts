import type { GeoJsonGeometry } from '../../db/schema.js';

/** A point in metres east (x) and north (y) of the city centre. */
export interface Point {
  x: number;
  y: number;
}

export interface LngLat {
  lng: number;
  lat: number;
}

const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320;
const COORDINATE_SCALE = 1e7; // 7 decimals of a degree is about 1 cm

/** Converts metre offsets to WGS84 degrees with an equirectangular approximation, good to a few km. */
export class LocalProjection {
  private readonly metresPerDegreeLng: number;

  constructor(readonly centre: LngLat) {
    this.metresPerDegreeLng = METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((centre.lat * Math.PI) / 180);
  }

  /** [lng, lat] rounded to about a centimetre. */
  toLngLat(point: Point): [number, number] {
    const lng = this.centre.lng + point.x / this.metresPerDegreeLng;
    const lat = this.centre.lat + point.y / METRES_PER_DEGREE_LAT;
    return [
      Math.round(lng * COORDINATE_SCALE) / COORDINATE_SCALE,
      Math.round(lat * COORDINATE_SCALE) / COORDINATE_SCALE,
    ];
  }

  toMetres([lng, lat]: readonly number[]): Point {
    return {
      x: (lng - this.centre.lng) * this.metresPerDegreeLng,
      y: (lat - this.centre.lat) * METRES_PER_DEGREE_LAT,
    };
  }

  /** A GeoJSON Polygon from an open ring in metres: closed, outer ring counter-clockwise (RFC 7946). */
  polygon(ring: readonly Point[]): GeoJsonGeometry {
    const ordered = signedArea(ring) < 0 ? [...ring].reverse() : ring;
    const coordinates = ordered.map((point) => this.toLngLat(point));
    coordinates.push(coordinates[0]);
    return { type: 'Polygon', coordinates: [coordinates] };
  }
}

/** Shoelace area of an open ring: positive when counter-clockwise. */
export function signedArea(ring: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

/** Area-weighted centroid of a simple polygon given as an open ring. */
export function centroid(ring: readonly Point[]): Point {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const cross = a.x * b.y - b.x * a.y;
    twiceArea += cross;
    cx += (a.x + b.x) * cross;
    cy += (a.y + b.y) * cross;
  }
  return { x: cx / (3 * twiceArea), y: cy / (3 * twiceArea) };
}

/** An axis-aligned rectangle as an open ring, counter-clockwise. */
export function rectangle(minX: number, minY: number, maxX: number, maxY: number): Point[] {
  return [
    { x: minX, y: minY },
    { x: maxX, y: minY },
    { x: maxX, y: maxY },
    { x: minX, y: maxY },
  ];
}
