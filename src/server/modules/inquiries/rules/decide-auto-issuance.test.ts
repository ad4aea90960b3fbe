import { describe, expect, it } from 'vitest';
import { jalaliToIso } from '../../cases/calendar/jalali.js';
import { decideAutoIssuance, type ParcelRecord } from './decide-auto-issuance.js';
import { addJalaliMonths } from './jalali-months.js';
import { type InquirySettings, settingsInForce } from './settings.js';

/** A Jalali date as the ISO date the rule reads. */
function j(year: number, month: number, day: number): string {
  const iso = jalaliToIso({ year, month, day });
  if (!iso) throw new Error(`no such Jalali date ${year}/${month}/${day}`);
  return iso;
}

const SETTINGS: InquirySettings = {
  id: 's1',
  effectiveFrom: j(1400, 1, 1),
  responseValidityMonths: 2,
  completionMonths: 6,
  clearanceValidityMonths: 2,
  requireNothingOwed: true,
  requireNoOpenViolation: true,
  requireNoPendingArticle100: true,
  siteVisitWhenRouted: true,
};

const TODAY = j(1405, 9, 16);

function record(overrides: Partial<ParcelRecord> = {}): ParcelRecord {
  return {
    owed: { totalRials: 0n, items: [] },
    violations: [],
    responses: [{ number: 'R-1', issuedOn: j(1405, 8, 1), outcome: 'no_objection', revoked: false }],
    completions: [],
    ...overrides,
  };
}

function condition(decision: ReturnType<typeof decideAutoIssuance>, code: string) {
  return decision.conditions.find((c) => c.code === code)!;
}

describe('Jalali month arithmetic', () => {
  it('keeps the day of the month', () => {
    expect(addJalaliMonths(j(1405, 7, 16), 2)).toBe(j(1405, 9, 16));
  });
  it('falls back to the last day of a shorter month', () => {
    expect(addJalaliMonths(j(1405, 6, 31), 2)).toBe(j(1405, 8, 30));
    expect(addJalaliMonths(j(1404, 11, 30), 1)).toBe(j(1404, 12, 29));
  });
  it('crosses the year', () => {
    expect(addJalaliMonths(j(1404, 11, 5), 2)).toBe(j(1405, 1, 5));
  });
  it('counts 6 months from the first half of the year into the 30-day months', () => {
    expect(addJalaliMonths(j(1405, 3, 31), 6)).toBe(j(1405, 9, 30));
  });
});

describe('decideAutoIssuance', () => {
  it('issues when a recent response exists, nothing is owed and no violation is open', () => {
    const decision = decideAutoIssuance(record(), SETTINGS, TODAY);
    expect(decision.decision).toBe('issue');
    expect(decision.siteVisit).toBe(false);
    expect(decision.conditions.every((c) => c.met)).toBe(true);
    expect(condition(decision, 'recent_basis')).toMatchObject({
      basis: { kind: 'inquiry_response', number: 'R-1', countsUntil: j(1405, 10, 1) },
    });
  });

  it('counts a response exactly 2 Jalali months old (inclusive)', () => {
    const decision = decideAutoIssuance(
      record({
        responses: [{ number: 'R-2', issuedOn: j(1405, 7, 16), outcome: 'no_objection', revoked: false }],
      }),
      SETTINGS,
      TODAY,
    );
    expect(decision.decision).toBe('issue');
    expect(condition(decision, 'recent_basis')).toMatchObject({ basis: { countsUntil: TODAY } });
  });

  it('routes a response one day older than 2 months, with a site visit as configured', () => {
    const decision = decideAutoIssuance(
      record({
        responses: [{ number: 'R-3', issuedOn: j(1405, 7, 15), outcome: 'no_objection', revoked: false }],
      }),
      SETTINGS,
      TODAY,
    );
    expect(decision.decision).toBe('route');
    expect(decision.siteVisit).toBe(true);
    expect(condition(decision, 'recent_basis')).toMatchObject({ met: false, basis: null });
  });

  it('routes a first inquiry: no earlier response and no completion certificate', () => {
    const decision = decideAutoIssuance(record({ responses: [] }), SETTINGS, TODAY);
    expect(decision.decision).toBe('route');
  });

  it('does not count a revoked or a refused earlier response', () => {
    const decision = decideAutoIssuance(
      record({
        responses: [
          { number: 'R-4', issuedOn: j(1405, 9, 1), outcome: 'no_objection', revoked: true },
          { number: 'R-5', issuedOn: j(1405, 9, 2), outcome: 'refused', revoked: false },
        ],
      }),
      SETTINGS,
      TODAY,
    );
    expect(decision.decision).toBe('route');
  });

  it('routes when one rial is owed, and says what is owed', () => {
    const decision = decideAutoIssuance(
      record({ owed: { totalRials: 1n, items: [{ kind: 'renewal_dues', year: 1404, payableRials: 1n }] } }),
      SETTINGS,
      TODAY,
    );
    expect(decision.decision).toBe('route');
    expect(condition(decision, 'nothing_owed')).toEqual({
      code: 'nothing_owed',
      required: true,
      met: false,
      totalRials: '1',
      items: [{ kind: 'renewal_dues', year: 1404, payableRials: '1' }],
    });
  });

  it('issues when a violation was closed yesterday', () => {
    const decision = decideAutoIssuance(
      record({
        violations: [{ kind: 'building_violation', openedOn: j(1403, 2, 1), closedOn: j(1405, 9, 15) }],
      }),
      SETTINGS,
      TODAY,
    );
    expect(decision.decision).toBe('issue');
  });

  it('routes an open building violation', () => {
    const decision = decideAutoIssuance(
      record({ violations: [{ kind: 'building_violation', openedOn: j(1405, 1, 10), closedOn: null }] }),
      SETTINGS,
      TODAY,
    );
    expect(decision.decision).toBe('route');
    expect(condition(decision, 'no_open_violation')).toMatchObject({
      met: false,
      open: [{ openedOn: j(1405, 1, 10) }],
    });
  });

  it('routes a pending Article 100 case', () => {
    const decision = decideAutoIssuance(
      record({ violations: [{ kind: 'article_100', openedOn: j(1405, 3, 3), closedOn: null }] }),
      SETTINGS,
      TODAY,
    );
    expect(decision.decision).toBe('route');
    expect(condition(decision, 'no_pending_article_100')).toMatchObject({ met: false });
    expect(condition(decision, 'no_open_violation')).toMatchObject({ met: true });
  });

  it('counts a completion certificate exactly 6 months old, not one day older', () => {
    const onTheDay = record({
      responses: [],
      completions: [{ number: 'C-1', issuedOn: j(1405, 3, 16), revoked: false }],
    });
    const decision = decideAutoIssuance(onTheDay, SETTINGS, TODAY);
    expect(decision.decision).toBe('issue');
    expect(condition(decision, 'recent_basis')).toMatchObject({
      basis: { kind: 'completion', number: 'C-1', countsUntil: TODAY },
    });
    const older = record({
      responses: [],
      completions: [{ number: 'C-2', issuedOn: j(1405, 3, 15), revoked: false }],
    });
    expect(decideAutoIssuance(older, SETTINGS, TODAY).decision).toBe('route');
  });

  it('skips a condition the settings do not require, but still reports it', () => {
    const lenient = { ...SETTINGS, requireNothingOwed: false };
    const owing = record({
      owed: { totalRials: 5_000n, items: [{ kind: 'renewal_dues', year: 1405, payableRials: 5_000n }] },
    });
    const decision = decideAutoIssuance(owing, lenient, TODAY);
    expect(decision.decision).toBe('issue');
    expect(condition(decision, 'nothing_owed')).toMatchObject({ required: false, met: false });
  });

  it('routes without a site visit when the settings say so', () => {
    const decision = decideAutoIssuance(
      record({ responses: [] }),
      { ...SETTINGS, siteVisitWhenRouted: false },
      TODAY,
    );
    expect(decision).toMatchObject({ decision: 'route', siteVisit: false });
  });

  it('uses the settings version in force on the day', () => {
    const older = { ...SETTINGS, id: 'v1', effectiveFrom: j(1400, 1, 1), responseValidityMonths: 2 };
    const newer = { ...SETTINGS, id: 'v2', effectiveFrom: j(1405, 9, 16), responseValidityMonths: 3 };
    const versions = [newer, older];
    expect(settingsInForce(versions, j(1405, 9, 15))?.id).toBe('v1');
    expect(settingsInForce(versions, j(1405, 9, 16))?.id).toBe('v2');
    expect(settingsInForce(versions, j(1399, 12, 29))).toBeNull();
    // A response 2 months and 10 days old: routed under v1, issued under v2 (3 months).
    const rec = record({
      responses: [{ number: 'R-6', issuedOn: j(1405, 7, 6), outcome: 'no_objection', revoked: false }],
    });
    expect(decideAutoIssuance(rec, settingsInForce(versions, j(1405, 9, 15))!, j(1405, 9, 15)).decision).toBe(
      'route',
    );
    const onNewDay = decideAutoIssuance(rec, settingsInForce(versions, TODAY)!, TODAY);
    expect(onNewDay.decision).toBe('issue');
    expect(onNewDay.settings).toEqual({ id: 'v2', effectiveFrom: j(1405, 9, 16) });
  });
});
