import type { GeoJsonGeometry } from '../../db/schema.js';

interface ParcelRow {
  id: string;
  district_id: string;
  district_number: number;
  renewal_code: string;
  registration_section: number;
  main_plate: number;
  sub_plates: number[];
  unit_no: number | null;
  postal_code: string | null;
  address: string | null;
  land_area_m2: string;
  built_area_m2: string;
  land_use: string;
  centroid_lng: number;
  centroid_lat: number;
  street_width_m: string | null;
  updated_at: Date;
}

export function presentParcel(row: ParcelRow) {
  return {
    id: row.id,
    districtId: row.district_id,
    districtNumber: row.district_number,
    renewalCode: row.renewal_code,
    plate: {
      registrationSection: row.registration_section,
      mainPlate: row.main_plate,
      subPlates: row.sub_plates,
      unitNo: row.unit_no,
    },
    postalCode: row.postal_code,
    address: row.address,
    landAreaM2: Number(row.land_area_m2),
    builtAreaM2: Number(row.built_area_m2),
    landUse: row.land_use,
    streetWidthM: row.street_width_m === null ? null : Number(row.street_width_m),
    centroid: { lng: row.centroid_lng, lat: row.centroid_lat },
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentOwnedParcel(
  row: ParcelRow & { share_num: number; share_den: number; since: string | null },
) {
  return {
    ...presentParcel(row),
    share: { numerator: row.share_num, denominator: row.share_den },
    ownedSince: row.since,
  };
}

export function presentParcelDetail(
  row: ParcelRow & { geometry: GeoJsonGeometry },
  owners: {
    id: string;
    kind: string;
    name: string;
    national_id: string;
    share_num: number;
    share_den: number;
  }[],
) {
  return {
    ...presentParcel(row),
    geometry: row.geometry,
    owners: owners.map((owner) => ({
      id: owner.id,
      kind: owner.kind,
      name: owner.name,
      nationalId: owner.national_id,
      share: { numerator: owner.share_num, denominator: owner.share_den },
    })),
  };
}
