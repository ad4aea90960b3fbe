import type { Dated } from './types.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function assertIsoDate(name: string, value: string): void {
  if (!ISO_DATE.test(value)) throw new RangeError(`${name} must be an ISO date yyyy-mm-dd, got "${value}"`);
}

/**
 * The version in force on `onDate`: the latest `effectiveFrom` ≤ onDate (a version applies from its first day), or
 * null before the first version. Dates are ISO yyyy-mm-dd in the municipality's own calendar day (convert a
 * timestamp to Asia/Tehran, or the city's zone, before calling). A case decided under an older version passes that
 * decision's date to get that version back. Throws RangeError on a malformed date or two versions with the same date.
 */
export function versionInForce<T extends Dated>(versions: readonly T[], onDate: string): T | null {
  assertIsoDate('onDate', onDate);
  let best: T | null = null;
  const seen = new Set<string>();
  for (const version of versions) {
    assertIsoDate('effectiveFrom', version.effectiveFrom);
    if (seen.has(version.effectiveFrom)) {
      throw new RangeError(
        `two versions take effect on ${version.effectiveFrom}; which one applies is ambiguous`,
      );
    }
    seen.add(version.effectiveFrom);
    // ISO dates of equal length compare correctly as strings.
    if (version.effectiveFrom <= onDate && (best === null || version.effectiveFrom > best.effectiveFrom)) {
      best = version;
    }
  }
  return best;
}
