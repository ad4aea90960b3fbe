import { addJalaliMonths } from './jalali-months.js';
import type { InquirySettings } from './settings.js';

/** What the rule reads of a parcel's record; dates are the municipality's calendar days (ISO yyyy-mm-dd). */
export interface ParcelRecord {
  owed: { totalRials: bigint; items: { kind: string; year: number | null; payableRials: bigint }[] };
  violations: { kind: 'building_violation' | 'article_100'; openedOn: string; closedOn: string | null }[];
  /** The parcel's earlier inquiry responses. */
  responses: { number: string; issuedOn: string; outcome: string; revoked: boolean }[];
  /** The parcel's completion certificates (گواهی پایان کار). */
  completions: { number: string; issuedOn: string; revoked: boolean }[];
}

export interface Basis {
  kind: 'inquiry_response' | 'completion';
  number: string;
  issuedOn: string;
  /** The last day it counts (inclusive). */
  countsUntil: string;
}

export type Condition =
  | {
      code: 'recent_basis';
      required: true;
      met: boolean;
      basis: Basis | null;
      responseMonths: number;
      completionMonths: number;
    }
  | {
      code: 'nothing_owed';
      required: boolean;
      met: boolean;
      totalRials: string;
      items: { kind: string; year: number | null; payableRials: string }[];
    }
  | { code: 'no_open_violation'; required: boolean; met: boolean; open: { openedOn: string }[] }
  | { code: 'no_pending_article_100'; required: boolean; met: boolean; pending: { openedOn: string }[] };

export interface AutoIssuanceDecision {
  decision: 'issue' | 'route';
  /** When routed: whether the case goes to a site visit first (from the settings). */
  siteVisit: boolean;
  today: string;
  settings: { id: string; effectiveFrom: string };
  conditions: Condition[];
}

function isOpenOn(violation: { closedOn: string | null }, today: string): boolean {
  return violation.closedOn === null || violation.closedOn > today;
}

/**
 * The freshest certificate that still counts today: an earlier inquiry response with no objection, not revoked,
 * issued at most `responseValidityMonths` Jalali months ago, or a completion certificate issued at most
 * `completionMonths` ago. Both ends are inclusive: a response issued on 10 Mehr counts through 10 Azar.
 */
function recentBasis(record: ParcelRecord, settings: InquirySettings, today: string): Basis | null {
  const candidates: Basis[] = [
    ...record.responses
      .filter((r) => !r.revoked && r.outcome === 'no_objection')
      .map((r) => ({
        kind: 'inquiry_response' as const,
        number: r.number,
        issuedOn: r.issuedOn,
        countsUntil: addJalaliMonths(r.issuedOn, settings.responseValidityMonths),
      })),
    ...record.completions
      .filter((c) => !c.revoked)
      .map((c) => ({
        kind: 'completion' as const,
        number: c.number,
        issuedOn: c.issuedOn,
        countsUntil: addJalaliMonths(c.issuedOn, settings.completionMonths),
      })),
  ].filter((b) => b.issuedOn <= today && today <= b.countsUntil);
  candidates.sort((a, b) => (a.countsUntil === b.countsUntil ? 0 : a.countsUntil > b.countsUntil ? -1 : 1));
  return candidates[0] ?? null;
}

/**
 * Whether an inquiry response is issued at once, with no staff step (the Urmia rule), or routed to the district:
 * pure, over the parcel's record, the settings in force and the municipality's calendar day. Issued only when every
 * required condition holds; the answer lists each condition with its numbers, met or not, so the reason is recorded.
 */
export function decideAutoIssuance(
  record: ParcelRecord,
  settings: InquirySettings,
  today: string,
): AutoIssuanceDecision {
  const basis = recentBasis(record, settings, today);
  const open = record.violations.filter((v) => v.kind === 'building_violation' && isOpenOn(v, today));
  const pending = record.violations.filter((v) => v.kind === 'article_100' && isOpenOn(v, today));
  const conditions: Condition[] = [
    {
      code: 'recent_basis',
      required: true,
      met: basis !== null,
      basis,
      responseMonths: settings.responseValidityMonths,
      completionMonths: settings.completionMonths,
    },
    {
      code: 'nothing_owed',
      required: settings.requireNothingOwed,
      met: record.owed.totalRials === 0n,
      totalRials: record.owed.totalRials.toString(),
      items: record.owed.items.map((i) => ({
        kind: i.kind,
        year: i.year,
        payableRials: i.payableRials.toString(),
      })),
    },
    {
      code: 'no_open_violation',
      required: settings.requireNoOpenViolation,
      met: open.length === 0,
      open: open.map((v) => ({ openedOn: v.openedOn })),
    },
    {
      code: 'no_pending_article_100',
      required: settings.requireNoPendingArticle100,
      met: pending.length === 0,
      pending: pending.map((v) => ({ openedOn: v.openedOn })),
    },
  ];
  const issue = conditions.every((c) => c.met || !c.required);
  return {
    decision: issue ? 'issue' : 'route',
    siteVisit: !issue && settings.siteVisitWhenRouted,
    today,
    settings: { id: settings.id, effectiveFrom: settings.effectiveFrom },
    conditions,
  };
}
