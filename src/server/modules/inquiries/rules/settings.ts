/** One dated version of a municipality's inquiry settings (table inquiry_settings). */
export interface InquirySettings {
  id: string;
  /** ISO date from which this version is in force (the municipality's calendar day). */
  effectiveFrom: string;
  /** An issued response is valid this many Jalali months; an earlier one counts for auto-issuance as long. */
  responseValidityMonths: number;
  /** A completion certificate (پایان کار) counts for auto-issuance this many Jalali months after its issue. */
  completionMonths: number;
  /** A clearance certificate (مفاصا حساب) is valid this many Jalali months. */
  clearanceValidityMonths: number;
  requireNothingOwed: boolean;
  requireNoOpenViolation: boolean;
  requireNoPendingArticle100: boolean;
  /** When a request is not auto-issued, whether it goes to a site visit before the district manager. */
  siteVisitWhenRouted: boolean;
}

/** The version in force on a day: the latest whose effectiveFrom is on or before it; null when none is yet. */
export function settingsInForce<T extends { effectiveFrom: string }>(
  versions: readonly T[],
  day: string,
): T | null {
  let found: T | null = null;
  for (const version of versions) {
    if (version.effectiveFrom <= day && (!found || version.effectiveFrom > found.effectiveFrom))
      found = version;
  }
  return found;
}
