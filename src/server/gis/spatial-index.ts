import Flatbush from 'flatbush';
import { OUTSIDE, pointInFlatRings } from './point-in-polygon.js';
import type { BBox, PolygonalGeometry } from './types.js';
import { polygonsOf } from './types.js';

/** One polygon to index: its id, WGS84 geometry and the value queries return. */
export interface IndexItem<T> {
  id: string | number;
  geometry: PolygonalGeometry;
  data: T;
}

type Growable = Float64Array | Uint32Array;

function grow<A extends Growable>(array: A, needed: number): A {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => A)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Collects polygons one at a time into flat typed arrays (no GeoJSON kept), so a million parcels can be
 * streamed in from a file or a database; finish() builds the index. Sizes are hints for preallocation.
 */
export class PolygonIndexBuilder<T> {
  private coords: Float64Array;
  private coordCount = 0;
  private ringStart: Uint32Array;
  private ringCount = 0;
  private itemRing: Uint32Array;
  private boxes: Float64Array;
  private count = 0;
  private readonly ids: (string | number)[] | null;
  private readonly data: T[] | null;

  /**
   * `positional`: keep no ids or data (a million parcels would cost two pointers and an id string each); queries
   * then return each polygon's position, its insertion order, for the caller's own columnar storage.
   */
  constructor(expected: { items?: number; vertices?: number; positional?: boolean } = {}) {
    this.ids = expected.positional ? null : [];
    this.data = expected.positional ? null : [];
    const items = Math.max(16, expected.items ?? 1024);
    this.coords = new Float64Array(Math.max(64, expected.vertices ?? items * 8) * 2);
    this.ringStart = new Uint32Array(items + 1);
    this.itemRing = new Uint32Array(items + 1);
    this.boxes = new Float64Array(items * 4);
  }

  /** Adds one polygon; rings are stored open (the closing position dropped). */
  add(item: IndexItem<T>): this {
    this.ids?.push(item.id);
    this.data?.push(item.data);
    return this.addGeometry(item.geometry);
  }

  /** Adds one polygon without id or data, for a positional index. */
  addGeometry(geometry: PolygonalGeometry): this {
    const n = this.count;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const rings of polygonsOf(geometry)) {
      for (const ring of rings) {
        let length = ring.length;
        const [fx, fy] = ring[0] ?? [];
        if (length > 1 && ring[length - 1][0] === fx && ring[length - 1][1] === fy) length--;
        this.coords = grow(this.coords, (this.coordCount + length) * 2);
        for (let i = 0; i < length; i++) {
          const [x, y] = ring[i];
          this.coords[2 * this.coordCount] = x;
          this.coords[2 * this.coordCount + 1] = y;
          this.coordCount++;
          if (x < minX) minX = x;
          if (y < minY) minY = y;
          if (x > maxX) maxX = x;
          if (y > maxY) maxY = y;
        }
        this.ringStart = grow(this.ringStart, this.ringCount + 2);
        this.ringCount++;
        this.ringStart[this.ringCount] = this.coordCount;
      }
    }
    this.itemRing = grow(this.itemRing, n + 2);
    this.itemRing[n + 1] = this.ringCount;
    this.boxes = grow(this.boxes, (n + 1) * 4);
    this.boxes[n * 4] = minX;
    this.boxes[n * 4 + 1] = minY;
    this.boxes[n * 4 + 2] = maxX;
    this.boxes[n * 4 + 3] = maxY;
    this.count++;
    return this;
  }

  /** Builds the index; the builder must not be used afterwards. */
  finish(): PolygonIndex<T> {
    const n = this.count;
    let tree: Flatbush | null = null;
    if (n > 0) {
      tree = new Flatbush(n);
      for (let i = 0; i < n; i++) {
        tree.add(this.boxes[4 * i], this.boxes[4 * i + 1], this.boxes[4 * i + 2], this.boxes[4 * i + 3]);
      }
      tree.finish();
    }
    const exact = <A extends Growable>(array: A, length: number): A =>
      (array.length === length ? array : array.slice(0, length)) as A;
    const index = new PolygonIndex<T>(
      tree,
      exact(this.coords, this.coordCount * 2),
      exact(this.ringStart, this.ringCount + 1),
      exact(this.itemRing, n + 1),
      n,
      this.ids,
      this.data,
    );
    // Let the oversized growth buffers go even while the caller still holds the builder.
    this.coords = new Float64Array(0);
    this.ringStart = new Uint32Array(0);
    this.itemRing = new Uint32Array(0);
    this.boxes = new Float64Array(0);
    return index;
  }
}

/**
 * Polygons in one flat Float64Array of open rings (plus offsets) with their bounding boxes in a Flatbush
 * R-tree: a point query is a box search then an exact point-in-polygon test on the candidates.
 */
export class PolygonIndex<T> {
  private qx = 0;
  private qy = 0;
  private readonly containsQuery = (i: number): boolean =>
    pointInFlatRings(
      this.coords,
      this.ringStart,
      this.itemRing[i],
      this.itemRing[i + 1],
      this.qx,
      this.qy,
    ) !== OUTSIDE;

  constructor(
    private readonly tree: Flatbush | null,
    private readonly coords: Float64Array,
    private readonly ringStart: Uint32Array,
    private readonly itemRing: Uint32Array,
    private readonly count: number,
    private readonly ids: (string | number)[] | null,
    private readonly data: T[] | null,
  ) {}

  /** The data of the polygon at a position (the position itself in a positional index). */
  private dataAt(i: number): T {
    return this.data ? this.data[i] : (i as T);
  }

  /** An index of all the items. */
  static from<T>(items: Iterable<IndexItem<T>>): PolygonIndex<T> {
    const builder = new PolygonIndexBuilder<T>(Array.isArray(items) ? { items: items.length } : {});
    for (const item of items) builder.add(item);
    return builder.finish();
  }

  /** Number of polygons. */
  get size(): number {
    return this.count;
  }

  /** Positions (insertion order) of the polygons containing the point; a point on a boundary counts. */
  pointQueryPositions(lng: number, lat: number): number[] {
    const tree = this.tree;
    if (!tree || lng < tree.minX || lng > tree.maxX || lat < tree.minY || lat > tree.maxY) return [];
    this.qx = lng;
    this.qy = lat;
    return tree.search(lng, lat, lng, lat, this.containsQuery);
  }

  /** Data of every polygon containing the point (boundary counts as inside). */
  pointQuery(lng: number, lat: number): T[] {
    return this.pointQueryPositions(lng, lat).map((i) => this.dataAt(i));
  }

  /** Ids of every polygon containing the point. */
  pointQueryIds(lng: number, lat: number): (string | number)[] {
    return this.pointQueryPositions(lng, lat).map((i) => (this.ids ? this.ids[i] : i));
  }

  /** Data of up to `limit` polygons whose bounding boxes meet the box (a candidate list, not exact). */
  bboxQuery(box: BBox, limit = Infinity): T[] {
    if (!this.tree || limit <= 0) return [];
    const found: T[] = [];
    this.tree.search(box[0], box[1], box[2], box[3], (i) => {
      if (found.length < limit) found.push(this.dataAt(i));
      return false;
    });
    return found;
  }

  /** Bytes held by the typed arrays and R-tree, plus a pointer per id and data slot (not what they point to). */
  memoryBytes(): number {
    const arrays = this.coords.byteLength + this.ringStart.byteLength + this.itemRing.byteLength;
    const pointers = 8 * ((this.ids?.length ?? 0) + (this.data?.length ?? 0));
    return arrays + (this.tree?.data.byteLength ?? 0) + pointers;
  }
}
