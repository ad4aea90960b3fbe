import { BILL_UNIT_RIALS } from './assess.js';
import { type JalaliDate, monthsLate } from './dues-calendar.js';
import type { DuesTariff } from './tariff.js';

export interface Amnesty {
  code: string;
  startsOn: string;
  endsOn: string;
  duesYearsUpTo: number | null;
  penaltyWaiverPct: number;
}

export interface Charges {
  principalRials: bigint;
  penaltyRials: bigint;
  prizeRials: bigint;
  payableRials: bigint;
  monthsLate: number;
  penaltyPct: number;
  amnestyCode: string | null;
}

function wholeUnitsOf(rials: bigint): bigint {
  return (rials / BILL_UNIT_RIALS) * BILL_UNIT_RIALS;
}

/**
 * What a bill's outstanding principal costs when paid on `day` (the municipality's calendar day):
 * - within its year: the prize (prizePct of the principal) is deducted;
 * - after it: a penalty of pctPerMonth for each month begun, capped at capPct; an amnesty in force on that day
 *   for that year waives its share of the penalty (the largest waiver wins when several apply).
 * Prize and penalty are rounded down to whole thousands of rials, so every amount fits a payment ID and no payer
 * is charged a fraction the rounding created.
 */
export function chargesOn(input: {
  principalRials: bigint;
  duesYear: number;
  tariff: Pick<DuesTariff, 'prizePct' | 'latePenalty'>;
  amnesties: readonly Amnesty[];
  day: { iso: string; jalali: JalaliDate };
}): Charges {
  const { principalRials, duesYear, tariff, day } = input;
  const late = monthsLate(duesYear, day.jalali);
  if (late === 0) {
    const prizeRials = wholeUnitsOf((principalRials * BigInt(tariff.prizePct)) / 100n);
    return {
      principalRials,
      penaltyRials: 0n,
      prizeRials,
      payableRials: principalRials - prizeRials,
      monthsLate: 0,
      penaltyPct: 0,
      amnestyCode: null,
    };
  }
  const penaltyPct = Math.min(tariff.latePenalty.pctPerMonth * late, tariff.latePenalty.capPct);
  let waiverPct = 0;
  let amnestyCode: string | null = null;
  for (const amnesty of input.amnesties) {
    const inForce = amnesty.startsOn <= day.iso && day.iso <= amnesty.endsOn;
    const covers = amnesty.duesYearsUpTo === null || duesYear <= amnesty.duesYearsUpTo;
    if (inForce && covers && amnesty.penaltyWaiverPct > waiverPct) {
      waiverPct = amnesty.penaltyWaiverPct;
      amnestyCode = amnesty.code;
    }
  }
  const penaltyRials = wholeUnitsOf(
    (principalRials * BigInt(penaltyPct) * BigInt(100 - waiverPct)) / 10_000n,
  );
  return {
    principalRials,
    penaltyRials,
    prizeRials: 0n,
    payableRials: principalRials + penaltyRials,
    monthsLate: late,
    penaltyPct,
    amnestyCode,
  };
}
