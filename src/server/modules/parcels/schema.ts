import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';

const Plate = Type.Object({
  registrationSection: Type.Integer({ description: 'بخش ثبتی' }),
  mainPlate: Type.Integer({ description: 'پلاک اصلی' }),
  subPlates: Type.Array(Type.Integer(), { description: 'پلاک‌های فرعی' }),
  unitNo: Type.Union([Type.Integer(), Type.Null()]),
});

export const Parcel = Type.Object({
  id: Uuid,
  districtId: Uuid,
  districtNumber: Type.Integer(),
  renewalCode: Type.String({ description: 'کد نوسازی' }),
  plate: Plate,
  postalCode: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  landAreaM2: Type.Number(),
  builtAreaM2: Type.Number(),
  landUse: Type.String(),
  streetWidthM: Type.Union([Type.Number(), Type.Null()], {
    description: 'Width of the street the parcel fronts onto',
  }),
  centroid: Type.Object({ lng: Type.Number(), lat: Type.Number() }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const Share = Type.Object({ numerator: Type.Integer(), denominator: Type.Integer() });

export const OwnedParcel = Type.Intersect([
  Parcel,
  Type.Object({ share: Share, ownedSince: Type.Union([Type.String({ format: 'date' }), Type.Null()]) }),
]);

export const ParcelDetail = Type.Intersect([
  Parcel,
  Type.Object({
    geometry: Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Any()) }),
    owners: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.String(),
        name: Type.String(),
        nationalId: Type.String(),
        share: Share,
      }),
    ),
  }),
]);

export const ParcelParams = Type.Object({ id: Uuid });

export const ParcelSearchQuery = Type.Object(
  {
    renewalCode: Type.Optional(Type.String({ maxLength: 40 })),
    postalCode: Type.Optional(Type.String({ pattern: '^[0-9۰-۹]{10}$' })),
    registrationSection: Type.Optional(Type.Integer({ minimum: 1 })),
    mainPlate: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ParcelUpdate = Type.Object(
  {
    postalCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9۰-۹]{10}$' }), Type.Null()])),
    address: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
