import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(
  schema: T,
  options: { description?: string } = {},
) => Type.Union([schema, Type.Null()], options);

const Plate = Type.Object({
  registrationSection: Type.Integer(),
  mainPlate: Type.Integer(),
  subPlates: Type.Array(Type.Integer()),
  unitNo: Nullable(Type.Integer()),
});

export const PublicParcel = Type.Object({
  id: Uuid,
  renewalCode: Type.String({ description: 'کد نوسازی' }),
  plate: Plate,
  districtNumber: Type.Integer(),
  address: Nullable(Type.String()),
  landAreaM2: Type.Number(),
  streetWidthM: Nullable(Type.Number()),
  landUse: Type.String(),
  centroid: Type.Object({ lng: Type.Number(), lat: Type.Number() }),
});

const ZoneRef = Type.Object({
  code: Type.String(),
  name: Nullable(Type.String()),
  layerVersion: Type.Integer(),
  share: Type.Number({ description: 'Share of the parcel inside this zone (the zone holding most of it)' }),
});

const RuleSetRef = Type.Object({
  id: Type.String(),
  effectiveFrom: Type.String({ format: 'date' }),
  effectiveFromJalali: Nullable(Type.String()),
  resolutionNo: Type.String(),
});

export const Rule = Type.Object({
  id: Type.String(),
  zoneCode: Type.String(),
  lotRange: Type.String({ description: 'e.g. "100–200 m²"' }),
  minStreetWidthM: Nullable(Type.Number()),
  maxDensityPct: Nullable(Type.Number()),
  maxCoveragePct: Nullable(Type.Number()),
  maxFloors: Nullable(Type.Number()),
  maxHeightM: Nullable(Type.Number()),
  maxUnits: Nullable(Type.Number()),
  minOpenSpacePerUnitM2: Nullable(Type.Number()),
  setbacks: Nullable(Type.String({ description: 'In the request language' })),
  allowedUses: Nullable(Type.Array(Type.String())),
  notes: Type.Array(Type.String()),
});

const Limits = Type.Object({
  maxTotalFloorAreaM2: Nullable(Type.Number()),
  maxFootprintM2: Nullable(Type.Number()),
  minOpenSpaceM2: Nullable(Type.Number()),
  maxFloors: Nullable(Type.Number()),
  maxUnits: Nullable(Type.Number()),
});

export const OverlayHit = Type.Object({
  type: Type.String({ description: 'street_widening, heritage, protected, flood, fault or other' }),
  name: Nullable(Type.String()),
  areaM2: Type.Number(),
  share: Type.Number({ description: 'Share of the parcel the overlay takes (0-1)' }),
  layerVersion: Type.Integer(),
});

const FeeLine = Type.Object({
  item: Type.String(),
  basisM2: Type.Number(),
  rateRialsPerM2: Type.Number(),
  amountRials: Type.Integer(),
  formula: Type.String(),
});

export const FeeEstimate = Type.Object({
  tariff: RuleSetRef,
  totalFloorAreaM2: Type.Number(),
  totalRials: Type.Integer({ description: 'Integer rials' }),
  lines: Type.Array(FeeLine),
  notAllowedAreaM2: Type.Number(),
});

/** What a point lookup shows of a parcel: the public facts without the address (which the parcel page has). */
export const LookupParcel = Type.Omit(PublicParcel, ['address']);

const AsOf = Type.String({ format: 'date' });
const parcelZoningFields = {
  zone: Nullable(ZoneRef),
  ruleSet: Nullable(RuleSetRef),
  rule: Nullable(Rule),
  streetFallback: Nullable(
    Type.Object({
      lotRange: Type.String({ description: 'The row the lot area itself falls in, e.g. "> 200 m²"' }),
      requiredStreetWidthM: Type.Number({ description: 'The street width that row requires' }),
    }),
    {
      description:
        'Set when the street is narrower than the lot’s own row requires: the rule is then the row of the largest ' +
        'smaller lot whose street condition is met, so its lot range does not contain the lot area',
    },
  ),
  noRuleReason: Nullable(Type.String()),
  conditions: Type.Array(Type.String({ description: 'How the rule was chosen, in the request language' })),
  limits: Nullable(Limits),
  overlays: Type.Array(OverlayHit),
  fees: Nullable(FeeEstimate),
};

export const ParcelZoning = Type.Object({ asOf: AsOf, parcel: PublicParcel, ...parcelZoningFields });

/**
 * What a point lookup gives of a parcel's zoning: all of it but the address and the explanations in words (how
 * the row was chosen, each fee line's formula as text), which the parcel's own zoning has. The numbers are the
 * same: the fee lines keep their basis, rate and amount.
 */
const { conditions: _inWords, fees: _withFormulas, ...lookupZoningFields } = parcelZoningFields;
export const PointParcelZoning = Type.Object({
  asOf: AsOf,
  parcel: LookupParcel,
  ...lookupZoningFields,
  fees: Nullable(
    Type.Object({
      tariff: RuleSetRef,
      totalFloorAreaM2: Type.Number(),
      totalRials: Type.Integer({ description: 'Integer rials' }),
      lines: Type.Array(Type.Omit(FeeLine, ['formula'])),
      notAllowedAreaM2: Type.Number(),
    }),
  ),
});

export const PointLookup = Type.Object({
  point: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
  zone: Nullable(
    Type.Object({ code: Type.String(), name: Nullable(Type.String()), layerVersion: Type.Integer() }),
  ),
  zoneRules: Type.Array(Rule, {
    description: "All rows of the zone's table (when the point is on no parcel)",
  }),
  overlays: Type.Array(Type.Object({ type: Type.String(), name: Nullable(Type.String()) })),
  parcel: Nullable(PointParcelZoning, {
    description:
      'The zoning of the parcel at the point, as GET /parcels/{id}/zoning gives it less the address',
  }),
});

export const LookupQuery = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    municipality: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
    date: Type.Optional(
      Type.String({ format: 'date', description: 'Rules in force on this date (default today)' }),
    ),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ParcelRefParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: 'Parcel id (uuid) or renewal code' }),
});

export const ParcelZoningQuery = Type.Object(
  {
    municipality: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
    date: Type.Optional(Type.String({ format: 'date' })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ParcelSearchQuery = Type.Object(
  {
    municipality: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
    renewalCode: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
    postalCode: Type.Optional(Type.String({ pattern: '^[0-9۰-۹٠-٩]{10}$' })),
    registrationSection: Type.Optional(Type.Integer({ minimum: 1 })),
    mainPlate: Type.Optional(Type.Integer({ minimum: 1 })),
    subPlate: Type.Optional(Type.Integer({ minimum: 0 })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const MapQuery = Type.Object(
  {
    bbox: Type.String({
      pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$',
      description: 'minLng,minLat,maxLng,maxLat of the view',
    }),
    zoom: Type.Integer({ minimum: 0, maximum: 22 }),
    municipality: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Any()) }),
      properties: Type.Object({}, { additionalProperties: true }),
    }),
  ),
});

export const MapFeatures = Type.Object({
  zones: FeatureCollection,
  overlays: FeatureCollection,
  parcels: Nullable(FeatureCollection),
  parcelsInView: Type.Integer(),
  parcelLimit: Type.Integer({ description: 'Parcels are sent only when at most this many are in view' }),
});

export const MapExtent = Type.Object({
  bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
  center: Type.Object({ lng: Type.Number(), lat: Type.Number() }),
});

export const BuildingProposal = Type.Object(
  {
    floors: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    floorAreaM2: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000 })),
    floorAreasM2: Type.Optional(
      Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000 }), { minItems: 1, maxItems: 60 }),
    ),
    units: Type.Integer({ minimum: 1, maximum: 10_000 }),
    use: Type.String({
      enum: [
        'residential',
        'commercial',
        'mixed',
        'office',
        'educational',
        'health',
        'green',
        'industrial',
        'religious',
        'parking',
      ],
    }),
    basementAreaM2: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const BuildingCheckResult = Type.Object({
  ok: Type.Boolean(),
  asOf: Type.String({ format: 'date' }),
  zoneCode: Nullable(Type.String()),
  ruleSet: Nullable(RuleSetRef),
  totalFloorAreaM2: Type.Number(),
  footprintM2: Type.Number(),
  checks: Type.Array(
    Type.Object({
      rule: Type.String(),
      passed: Type.Boolean(),
      actual: Type.Union([Type.Number(), Type.String(), Type.Null()]),
      limit: Type.Union([Type.Number(), Type.String(), Type.Null()]),
      unit: Nullable(Type.String()),
      message: Type.String(),
    }),
  ),
  excessDensity: Type.Object({ areaM2: Type.Number(), pctPoints: Type.Number() }),
  fees: Nullable(FeeEstimate),
});
