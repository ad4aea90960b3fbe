import type { GeoJsonGeometry } from '../../db/schema.js';
import type { LandUse } from './land-use.js';

// The rows the generator yields, with every column it sets spelled out (the seeder and the tests read them).

export interface MunicipalityRow {
  id: string;
  code: string;
  name_fa: string;
  name_en: string;
  name_vi: string;
  timezone: string;
}

export interface DistrictRow {
  id: string;
  municipality_id: string;
  number: number;
  name_fa: string;
  name_en: string;
  name_vi: string;
  boundary: GeoJsonGeometry;
}

export interface OwnerRow {
  id: string;
  municipality_id: string;
  kind: 'person' | 'legal';
  national_id: string;
  name: string;
  mobile: string | null;
}

export interface ParcelRow {
  id: string;
  municipality_id: string;
  district_id: string;
  renewal_code: string;
  registration_section: number;
  main_plate: number;
  sub_plates: number[];
  postal_code: string;
  address: string;
  land_area_m2: number;
  built_area_m2: number;
  land_use: LandUse;
  geometry: GeoJsonGeometry;
  centroid_lng: number;
  centroid_lat: number;
  /** Width of the street the parcel fronts onto. */
  street_width_m: number;
}

export interface OwnershipRow {
  id: string;
  municipality_id: string;
  parcel_id: string;
  owner_id: string;
  share_num: number;
  share_den: number;
  since: string;
}

/** One parcel with the owners it introduces (insert them first) and its ownership shares. */
export interface ParcelBundle {
  parcel: ParcelRow;
  newOwners: OwnerRow[];
  ownerships: OwnershipRow[];
}
