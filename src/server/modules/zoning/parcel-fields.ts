import { toLatinDigits } from '../../../shared/digits.js';
import { LAND_USES, type LandUse } from '../../../shared/land-use.js';
import { propertyOf } from './prepare-feature.js';

/** The attribute names a parcel layer may use for each field (Latin transliterations of Persian ones too). */
export const PARCEL_FIELDS = {
  renewalCode: ['renewal_code', 'renewalCode', 'renewal', 'code_nosazi', 'kod_nosazi'],
  district: ['district', 'district_no', 'mantaghe'],
  registrationSection: ['registration_section', 'registrationSection', 'section', 'bakhsh'],
  mainPlate: ['main_plate', 'mainPlate', 'asli', 'plate_main'],
  subPlates: ['sub_plate', 'sub_plates', 'subPlate', 'farei', 'plate_sub'],
  postalCode: ['postal_code', 'postalCode', 'postcode', 'kod_posti'],
  address: ['address', 'addr', 'neshani'],
  landUse: ['land_use', 'landUse', 'use', 'karbari'],
  builtArea: ['built_area_m2', 'built_area', 'builtArea'],
  streetWidth: ['street_width_m', 'street_width', 'streetWidth'],
} as const;

export interface ParcelAttributes {
  renewalCode: string;
  districtNumber: number | null;
  registrationSection: number;
  mainPlate: number;
  subPlates: number[];
  postalCode: string | null;
  address: string | null;
  landUse: LandUse;
  builtAreaM2: number;
  streetWidthM: number | null;
}

const positiveInt = (value: unknown): number | null => {
  const n = Number(toLatinDigits(String(value ?? '')).trim());
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** Reads a parcel's attributes; returns the reason when a required one is missing or malformed. */
export function readParcelAttributes(
  properties: Record<string, unknown>,
  defaults: { landUse?: LandUse },
): ParcelAttributes | string {
  const renewal = propertyOf(properties, PARCEL_FIELDS.renewalCode);
  if (renewal === undefined) return `it has no renewal code (${PARCEL_FIELDS.renewalCode.join(', ')})`;
  const registrationSection = positiveInt(propertyOf(properties, PARCEL_FIELDS.registrationSection));
  const mainPlate = positiveInt(propertyOf(properties, PARCEL_FIELDS.mainPlate));
  if (!registrationSection || !mainPlate) {
    return 'its registration plate is missing or not a positive number (registration_section and main_plate)';
  }
  const subText = propertyOf(properties, PARCEL_FIELDS.subPlates);
  const subPlates =
    subText === undefined
      ? []
      : toLatinDigits(String(subText))
          .split(/[-,،\s]+/)
          .filter(Boolean)
          .map(Number);
  if (subPlates.some((n) => !Number.isInteger(n) || n < 0))
    return `its sub plate "${String(subText)}" is not a list of numbers`;
  const rawUse = propertyOf(properties, PARCEL_FIELDS.landUse);
  const landUse = rawUse === undefined ? defaults.landUse : String(rawUse).trim().toLowerCase();
  if (!landUse || !(LAND_USES as readonly string[]).includes(landUse)) {
    return `its land use ${rawUse === undefined ? 'is missing' : `"${String(rawUse)}" is unknown`} (use ${LAND_USES.join(', ')})`;
  }
  const postal = propertyOf(properties, PARCEL_FIELDS.postalCode);
  const postalCode = postal === undefined ? null : toLatinDigits(String(postal)).replace(/\D/g, '');
  if (postalCode !== null && postalCode.length !== 10)
    return `its postal code "${String(postal)}" does not have 10 digits`;
  const built = Number(propertyOf(properties, PARCEL_FIELDS.builtArea) ?? 0);
  const street = propertyOf(properties, PARCEL_FIELDS.streetWidth);
  const streetWidthM = street === undefined ? null : Number(street);
  if (streetWidthM !== null && !(streetWidthM > 0))
    return `its street width "${String(street)}" is not a positive number`;
  const address = propertyOf(properties, PARCEL_FIELDS.address);
  return {
    renewalCode: toLatinDigits(String(renewal)).trim(),
    districtNumber: positiveInt(propertyOf(properties, PARCEL_FIELDS.district)),
    registrationSection,
    mainPlate,
    subPlates,
    postalCode,
    address: address === undefined ? null : String(address),
    landUse: landUse as LandUse,
    builtAreaM2: Number.isFinite(built) && built >= 0 ? built : 0,
    streetWidthM,
  };
}
