import { DictionaryColumn, grow, IntListColumn, StringColumn, trim, UuidColumn } from './columns.js';

/** What a point lookup shows of a parcel: its public registry facts, without the editable address. */
export interface LookupParcel {
  id: string;
  renewalCode: string;
  plate: { registrationSection: number; mainPlate: number; subPlates: number[]; unitNo: number | null };
  districtNumber: number;
  landAreaM2: number;
  streetWidthM: number | null;
  landUse: string;
  centroid: { lng: number; lat: number };
}

/** An overlay taking part of a parcel: the overlay's position in the overlay index, the area and share taken. */
export interface OverlayShare {
  overlay: number;
  areaM2: number;
  share: number;
}

/** One parcel as read from the database, with its zone and overlays already resolved to index positions. */
export interface ParcelFactsInput {
  parcel: LookupParcel;
  zone: { zone: number; share: number } | null;
  overlays: readonly OverlayShare[];
}

// Shares are numeric(5,4) and street widths numeric(6,2) in the database: stored as whole ten-thousandths and
// centimetres, and divided back, they give the very doubles Number() parses from the database text.
const SHARE_SCALE = 10_000;
const WIDTH_SCALE = 100;
const NO_WIDTH = 0xffffffff;
const NO_ZONE = -1;
const UNIT_NULL = 1;

/**
 * Every parcel's zoning facts in columns, row i being the parcel at position i of the parcel spatial index, so a
 * point lookup answers without the database: ids as 16 bytes, renewal codes as UTF-8, numbers in typed arrays,
 * land uses and district numbers as codes, overlays as a range of rows per parcel.
 */
export class ParcelFacts {
  constructor(
    private readonly c: {
      count: number;
      ids: UuidColumn;
      renewalCodes: StringColumn;
      registrationSections: Int32Array;
      mainPlates: Int32Array;
      subPlates: IntListColumn;
      unitNos: Int32Array;
      flags: Uint8Array;
      districts: DictionaryColumn<number>;
      landAreas: Float64Array;
      streetWidths: Uint32Array;
      landUses: DictionaryColumn<string>;
      centroids: Float64Array;
      zones: Int32Array;
      zoneShares: Uint16Array;
      overlayStart: Uint32Array;
      overlayOf: Uint32Array;
      overlayAreas: Float64Array;
      overlayShares: Uint16Array;
    },
  ) {}

  get size(): number {
    return this.c.count;
  }

  id(i: number): string {
    return this.c.ids.get(i);
  }

  parcel(i: number): LookupParcel {
    const c = this.c;
    const width = c.streetWidths[i];
    return {
      id: c.ids.get(i),
      renewalCode: c.renewalCodes.get(i),
      plate: {
        registrationSection: c.registrationSections[i],
        mainPlate: c.mainPlates[i],
        subPlates: c.subPlates.get(i),
        unitNo: c.flags[i] & UNIT_NULL ? null : c.unitNos[i],
      },
      districtNumber: c.districts.get(i),
      landAreaM2: c.landAreas[i],
      streetWidthM: width === NO_WIDTH ? null : width / WIDTH_SCALE,
      landUse: c.landUses.get(i),
      centroid: { lng: c.centroids[2 * i], lat: c.centroids[2 * i + 1] },
    };
  }

  zone(i: number): { zone: number; share: number } | null {
    const zone = this.c.zones[i];
    return zone === NO_ZONE ? null : { zone, share: this.c.zoneShares[i] / SHARE_SCALE };
  }

  overlays(i: number): OverlayShare[] {
    const c = this.c;
    const hits: OverlayShare[] = [];
    for (let k = c.overlayStart[i]; k < c.overlayStart[i + 1]; k++) {
      hits.push({
        overlay: c.overlayOf[k],
        areaM2: c.overlayAreas[k],
        share: c.overlayShares[k] / SHARE_SCALE,
      });
    }
    return hits;
  }

  /** Bytes held by all the columns. */
  memoryBytes(): number {
    const c = this.c;
    const arrays = [
      c.registrationSections,
      c.mainPlates,
      c.unitNos,
      c.flags,
      c.landAreas,
      c.streetWidths,
      c.centroids,
      c.zones,
      c.zoneShares,
      c.overlayStart,
      c.overlayOf,
      c.overlayAreas,
      c.overlayShares,
    ].reduce((sum, array) => sum + array.byteLength, 0);
    return (
      arrays +
      c.ids.memoryBytes +
      c.renewalCodes.memoryBytes +
      c.subPlates.memoryBytes +
      c.districts.memoryBytes +
      c.landUses.memoryBytes
    );
  }
}

const scaled = (value: number, scale: number, name: string): number => {
  const whole = Math.round(value * scale);
  if (Math.abs(whole / scale - value) > 1e-9 || whole < 0 || whole >= 0xffffffff) {
    throw new RangeError(`${name} ${value} does not fit the column`);
  }
  return whole;
};

/** Collects parcels one at a time (in the order they enter the spatial index), then `finish()`. */
export class ParcelFactsBuilder {
  private count = 0;
  private readonly ids: UuidColumn;
  private readonly renewalCodes: StringColumn;
  private registrationSections: Int32Array;
  private mainPlates: Int32Array;
  private readonly subPlates: IntListColumn;
  private unitNos: Int32Array;
  private flags: Uint8Array;
  private readonly districts: DictionaryColumn<number>;
  private landAreas: Float64Array;
  private streetWidths: Uint32Array;
  private readonly landUses: DictionaryColumn<string>;
  private centroids: Float64Array;
  private zones: Int32Array;
  private zoneShares: Uint16Array;
  private overlayStart: Uint32Array;
  private overlayCount = 0;
  private overlayOf: Uint32Array;
  private overlayAreas: Float64Array;
  private overlayShares: Uint16Array;

  constructor(expected: number) {
    const n = Math.max(16, expected);
    this.ids = new UuidColumn(n);
    this.renewalCodes = new StringColumn(n, 16);
    this.registrationSections = new Int32Array(n);
    this.mainPlates = new Int32Array(n);
    this.subPlates = new IntListColumn(n);
    this.unitNos = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.districts = new DictionaryColumn<number>(n);
    this.landAreas = new Float64Array(n);
    this.streetWidths = new Uint32Array(n);
    this.landUses = new DictionaryColumn<string>(n);
    this.centroids = new Float64Array(2 * n);
    this.zones = new Int32Array(n);
    this.zoneShares = new Uint16Array(n);
    this.overlayStart = new Uint32Array(n + 1);
    this.overlayOf = new Uint32Array(64);
    this.overlayAreas = new Float64Array(64);
    this.overlayShares = new Uint16Array(64);
  }

  add({ parcel, zone, overlays }: ParcelFactsInput): void {
    const i = this.count;
    if (i + 1 > this.landAreas.length) this.reserve(i + 1);
    this.ids.push(parcel.id);
    this.renewalCodes.push(parcel.renewalCode);
    this.registrationSections[i] = parcel.plate.registrationSection;
    this.mainPlates[i] = parcel.plate.mainPlate;
    this.subPlates.push(parcel.plate.subPlates);
    this.unitNos[i] = parcel.plate.unitNo ?? 0;
    this.flags[i] = parcel.plate.unitNo === null ? UNIT_NULL : 0;
    this.districts.push(parcel.districtNumber);
    this.landAreas[i] = parcel.landAreaM2;
    this.streetWidths[i] =
      parcel.streetWidthM === null ? NO_WIDTH : scaled(parcel.streetWidthM, WIDTH_SCALE, 'street width');
    this.landUses.push(parcel.landUse);
    this.centroids[2 * i] = parcel.centroid.lng;
    this.centroids[2 * i + 1] = parcel.centroid.lat;
    this.zones[i] = zone ? zone.zone : NO_ZONE;
    this.zoneShares[i] = zone ? scaled(zone.share, SHARE_SCALE, 'zone share') : 0;
    const needed = this.overlayCount + overlays.length;
    this.overlayOf = grow(this.overlayOf, needed);
    this.overlayAreas = grow(this.overlayAreas, needed);
    this.overlayShares = grow(this.overlayShares, needed);
    for (const hit of overlays) {
      this.overlayOf[this.overlayCount] = hit.overlay;
      this.overlayAreas[this.overlayCount] = hit.areaM2;
      this.overlayShares[this.overlayCount] = scaled(hit.share, SHARE_SCALE, 'overlay share');
      this.overlayCount++;
    }
    this.overlayStart[i + 1] = this.overlayCount;
    this.count++;
  }

  private reserve(rows: number): void {
    this.registrationSections = grow(this.registrationSections, rows);
    this.mainPlates = grow(this.mainPlates, rows);
    this.unitNos = grow(this.unitNos, rows);
    this.flags = grow(this.flags, rows);
    this.landAreas = grow(this.landAreas, rows);
    this.streetWidths = grow(this.streetWidths, rows);
    this.centroids = grow(this.centroids, 2 * rows);
    this.zones = grow(this.zones, rows);
    this.zoneShares = grow(this.zoneShares, rows);
    this.overlayStart = grow(this.overlayStart, rows + 1);
  }

  finish(): ParcelFacts {
    const n = this.count;
    for (const column of [this.ids, this.renewalCodes, this.subPlates, this.districts, this.landUses])
      column.finish();
    return new ParcelFacts({
      count: n,
      ids: this.ids,
      renewalCodes: this.renewalCodes,
      registrationSections: trim(this.registrationSections, n),
      mainPlates: trim(this.mainPlates, n),
      subPlates: this.subPlates,
      unitNos: trim(this.unitNos, n),
      flags: trim(this.flags, n),
      districts: this.districts,
      landAreas: trim(this.landAreas, n),
      streetWidths: trim(this.streetWidths, n),
      landUses: this.landUses,
      centroids: trim(this.centroids, 2 * n),
      zones: trim(this.zones, n),
      zoneShares: trim(this.zoneShares, n),
      overlayStart: trim(this.overlayStart, n + 1),
      overlayOf: trim(this.overlayOf, this.overlayCount),
      overlayAreas: trim(this.overlayAreas, this.overlayCount),
      overlayShares: trim(this.overlayShares, this.overlayCount),
    });
  }
}
