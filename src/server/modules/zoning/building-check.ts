import type { Db } from '../../db/schema.js';
import { AppError, invalidField } from '../../http/errors.js';
import type { Locale } from '../../i18n/messages.js';
import { findCurrentLayer } from './layer-repository.js';
import { findParcelZone, type PublicParcelRow } from './parcel-zoning-repository.js';
import { presentRuleSetRef, renderMessage } from './presenter.js';
import { checkProposal, type Proposal } from './rules/check-proposal.js';
import type { PermitFeeTariff } from './rules/fee-types.js';
import { estimatePermitFees } from './rules/fees.js';
import type { ZoningLandUse, ZoningRuleSet } from './rules/types.js';
import { findRuleSetInForce, findTariffInForce } from './zoning-repository.js';

export interface ProposalInput {
  floors?: number;
  floorAreaM2?: number;
  floorAreasM2?: number[];
  units: number;
  use: string;
  basementAreaM2?: number;
}

function toProposal(input: ProposalInput): Proposal {
  const base = { units: input.units, use: input.use as ZoningLandUse };
  if (input.floorAreasM2) return { ...base, floorAreasM2: input.floorAreasM2 };
  if (input.floors === undefined) throw invalidField('floors', 'required');
  if (input.floorAreaM2 === undefined) throw invalidField('floorAreaM2', 'required');
  return { ...base, floors: input.floors, floorAreaM2: input.floorAreaM2 };
}

/**
 * Checks a proposed building on a parcel against the rules in force: every rule passed or broken with both
 * numbers, and the permit fees of this building (excess density above the financial base priced by the
 * tariff). The engine the building-permit service will call.
 */
export async function checkBuildingProposal(input: {
  db: Db;
  municipalityId: string;
  parcel: PublicParcelRow;
  proposal: ProposalInput;
  date: string;
  locale: Locale;
}) {
  const { db, municipalityId, parcel, date, locale } = input;
  const proposal = toProposal(input.proposal);
  const zonesLayer = await findCurrentLayer(db, municipalityId, 'zones');
  const zone = zonesLayer ? await findParcelZone(db, parcel.id, zonesLayer.id) : undefined;
  const ruleSetRow = await findRuleSetInForce(db, municipalityId, date);
  if (!zone || !ruleSetRow) throw new AppError('zoning_unavailable', { date });
  const landAreaM2 = Number(parcel.land_area_m2);
  const result = checkProposal({
    ruleSet: ruleSetRow.rules as ZoningRuleSet,
    parcel: {
      zoneCode: zone.zone_code,
      landAreaM2,
      streetWidthM: parcel.street_width_m === null ? Number.POSITIVE_INFINITY : Number(parcel.street_width_m),
      landUse: parcel.land_use as ZoningLandUse,
    },
    proposal,
  });
  const tariffRow = await findTariffInForce(db, municipalityId, date);
  const rule = result.selection.rule;
  const fees =
    tariffRow && rule
      ? estimatePermitFees({
          tariff: tariffRow.tariff as PermitFeeTariff,
          zoneCode: zone.zone_code,
          landUse: proposal.use,
          lotAreaM2: landAreaM2,
          totalFloorAreaM2: result.totalFloorAreaM2,
          basementAreaM2: input.proposal.basementAreaM2 ?? 0,
          maxDensityPct: rule.limits.maxDensityPct,
        })
      : null;
  return {
    ok: result.ok,
    asOf: date,
    zoneCode: zone.zone_code,
    ruleSet: presentRuleSetRef(ruleSetRow, (ruleSetRow.rules as ZoningRuleSet).effectiveFromJalali),
    totalFloorAreaM2: result.totalFloorAreaM2,
    footprintM2: result.footprintM2,
    checks: result.checks.map((check) => ({
      rule: check.rule,
      passed: check.passed,
      actual: check.actual,
      limit: check.limit,
      unit: check.unit,
      message: renderMessage(check.message, locale),
    })),
    excessDensity: result.excessDensity,
    fees:
      fees && tariffRow
        ? {
            tariff: presentRuleSetRef(tariffRow, (tariffRow.tariff as PermitFeeTariff).effectiveFromJalali),
            totalFloorAreaM2: result.totalFloorAreaM2,
            totalRials: fees.totalRials,
            lines: fees.lines,
            notAllowedAreaM2: fees.notAllowedAreaM2,
          }
        : null,
  };
}
