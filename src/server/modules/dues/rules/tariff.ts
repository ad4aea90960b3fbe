import { type Static, Type } from 'typebox';

const Code = Type.String({ pattern: '^[a-z0-9_]{2,40}$' });
const WholeRials = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 });
const Pct = Type.Integer({ minimum: 0, maximum: 1000 });

/**
 * Which parcels a tariff's adjustment or exemption applies to. Every named condition must hold; an empty matcher
 * matches every parcel. Zone codes are exact, or a prefix ending in `*` (`G*` = every green zone).
 */
export const ParcelMatcherSchema = Type.Object(
  {
    landUses: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 50 })),
    zoneCodes: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}\\*?$' }), { maxItems: 200 }),
    ),
    districts: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 99 }), { maxItems: 99 })),
    vacant: Type.Optional(Type.Boolean()),
    flags: Type.Optional(Type.Array(Code, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type ParcelMatcher = Static<typeof ParcelMatcherSchema>;

/**
 * A municipality's renewal-dues tariff (عوارض نوسازی) as approved for the years from `duesYear` on
 * (domain_rules §2): dues = rate × (land value by zone × land area + building value by type × built area),
 * each base scaled by the adjustments that match the parcel, nothing for an exempt parcel. Rates are whole basis
 * points (150 = 1.5 %), percentages whole percent, values whole rials per m²; see docs/dues.md.
 */
export const DuesTariffSchema = Type.Object(
  {
    resolutionNo: Type.String({ minLength: 1, maxLength: 300 }),
    rateBasisPoints: Type.Integer({ minimum: 1, maximum: 10_000 }),
    landValueRialsPerM2: Type.Object(
      {
        byZone: Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }), WholeRials),
        default: WholeRials,
      },
      { additionalProperties: false },
    ),
    buildingValueRialsPerM2: Type.Object(
      {
        byType: Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), WholeRials),
        default: WholeRials,
      },
      { additionalProperties: false },
    ),
    adjustments: Type.Array(
      Type.Object(
        {
          code: Code,
          title: Type.String({ minLength: 1, maxLength: 200 }),
          when: ParcelMatcherSchema,
          landPct: Pct,
          buildingPct: Pct,
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    exemptions: Type.Array(
      Type.Object(
        { code: Code, title: Type.String({ minLength: 1, maxLength: 200 }), when: ParcelMatcherSchema },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    /** Deducted when the year's dues are paid within that year (Art. 10 tabsareh 1: 10 %). */
    prizePct: Type.Integer({ minimum: 0, maximum: 100 }),
    /** After the year ends: pctPerMonth for each month begun, at most capPct (Sustainable Revenue Law Art. 10). */
    latePenalty: Type.Object(
      {
        pctPerMonth: Type.Integer({ minimum: 0, maximum: 100 }),
        capPct: Type.Integer({ minimum: 0, maximum: 1000 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type DuesTariff = Static<typeof DuesTariffSchema>;

/** What a parcel looks like to a tariff. Areas are the exact decimal strings of the database (2 decimals). */
export interface ParcelFacts {
  landUse: string;
  zoneCode: string | null;
  districtNumber: number;
  landAreaM2: string;
  builtAreaM2: string;
  flags: readonly string[];
}

/** Whether a matcher holds for a parcel (the SQL in assessment-sql.ts says the same thing set-based). */
export function matches(matcher: ParcelMatcher, parcel: ParcelFacts): boolean {
  if (matcher.landUses && !matcher.landUses.includes(parcel.landUse)) return false;
  if (matcher.districts && !matcher.districts.includes(parcel.districtNumber)) return false;
  if (matcher.vacant !== undefined && (Number(parcel.builtAreaM2) === 0) !== matcher.vacant) return false;
  if (matcher.flags && !matcher.flags.some((flag) => parcel.flags.includes(flag))) return false;
  if (matcher.zoneCodes) {
    const zone = parcel.zoneCode;
    if (zone === null) return false;
    const hit = matcher.zoneCodes.some((code) =>
      code.endsWith('*') ? zone.startsWith(code.slice(0, -1)) : zone === code,
    );
    if (!hit) return false;
  }
  return true;
}
