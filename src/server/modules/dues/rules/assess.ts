import { type DuesTariff, matches, type ParcelFacts } from './tariff.js';

/** Bills are whole thousands of rials: a payment ID carries the amount in thousands (domain_rules §7.6). */
export const BILL_UNIT_RIALS = 1000n;

/** The exemption code of a parcel whose dues round down to less than one bill unit. */
export const NOTHING_DUE = 'nothing_due';

export interface Assessment {
  zoneCode: string | null;
  landValueRials: bigint;
  buildingValueRials: bigint;
  adjustmentCodes: string[];
  exemptionCode: string | null;
  principalRials: bigint;
}

/** An area of the database (numeric(12,2) as a string) in whole hundredths of a m², exactly. */
export function centiSquareMetres(area: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(area.trim());
  if (!match) throw new RangeError(`not an area with at most 2 decimals: "${area}"`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/**
 * The renewal dues of one parcel for one year, in exact integer arithmetic:
 *   land base     = ⌊land value/m² × land area⌋, building base = ⌊building value/m² × built area⌋
 *   principal     = ⌊rate × (land base × Π landPct + building base × Π buildingPct) ⌋, down to whole thousands,
 * with Π over every adjustment (100 % where it does not match), and 0 when an exemption matches. The set-based
 * SQL of the assessment job computes the same numbers (a test compares them parcel by parcel).
 */
export function assessParcel(tariff: DuesTariff, parcel: ParcelFacts): Assessment {
  const landPerM2 = BigInt(
    (parcel.zoneCode !== null ? tariff.landValueRialsPerM2.byZone[parcel.zoneCode] : undefined) ??
      tariff.landValueRialsPerM2.default,
  );
  const buildingPerM2 = BigInt(
    tariff.buildingValueRialsPerM2.byType[parcel.landUse] ?? tariff.buildingValueRialsPerM2.default,
  );
  const landValueRials = (landPerM2 * centiSquareMetres(parcel.landAreaM2)) / 100n;
  const buildingValueRials = (buildingPerM2 * centiSquareMetres(parcel.builtAreaM2)) / 100n;
  const exemption = tariff.exemptions.find((e) => matches(e.when, parcel));
  let landFactor = 1n;
  let buildingFactor = 1n;
  let scale = 1n;
  const adjustmentCodes: string[] = [];
  for (const adjustment of tariff.adjustments) {
    const hit = matches(adjustment.when, parcel);
    if (hit) adjustmentCodes.push(adjustment.code);
    landFactor *= BigInt(hit ? adjustment.landPct : 100);
    buildingFactor *= BigInt(hit ? adjustment.buildingPct : 100);
    scale *= 100n;
  }
  const base = landValueRials * landFactor + buildingValueRials * buildingFactor;
  const raw = (BigInt(tariff.rateBasisPoints) * base) / (10_000n * scale);
  const principalRials = exemption ? 0n : (raw / BILL_UNIT_RIALS) * BILL_UNIT_RIALS;
  return {
    zoneCode: parcel.zoneCode,
    landValueRials,
    buildingValueRials,
    adjustmentCodes,
    exemptionCode: exemption?.code ?? (principalRials === 0n ? NOTHING_DUE : null),
    principalRials,
  };
}
