import { toPersianDigits } from '../../../shared/digits.js';
import type { Db } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { type Locale, translate } from '../../i18n/messages.js';
import { findCurrentLayer } from './layer-repository.js';
import {
  findParcelZone,
  findPublicParcel,
  listParcelOverlayHits,
  type PublicParcelRow,
} from './parcel-zoning-repository.js';
import { presentRule, presentRuleSetRef, renderMessage } from './presenter.js';
import type { PermitFeeTariff } from './rules/fee-types.js';
import { estimateForAllowedDensity } from './rules/fees.js';
import { deriveParcelLimits } from './rules/limits.js';
import { selectRule, zoneMinimumLotAreaM2 } from './rules/select-rule.js';
import type { ZoningLandUse, ZoningRuleSet } from './rules/types.js';
import { findRuleSetInForce, findTariffInForce } from './zoning-repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Today as YYYY-MM-DD in the municipality's time zone (rules take effect on local calendar days). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function localDate(now: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
}

export function presentPublicParcel(row: PublicParcelRow) {
  return {
    id: row.id,
    renewalCode: row.renewal_code,
    plate: {
      registrationSection: row.registration_section,
      mainPlate: row.main_plate,
      subPlates: row.sub_plates,
      unitNo: row.unit_no,
    },
    districtNumber: row.district_number,
    address: row.address,
    landAreaM2: Number(row.land_area_m2),
    streetWidthM: row.street_width_m === null ? null : Number(row.street_width_m),
    landUse: row.land_use,
    centroid: { lng: row.centroid_lng, lat: row.centroid_lat },
  };
}

/** Finds a parcel by its id or its renewal code; 404 when the municipality has no such parcel. */
export async function findParcelByRef(db: Db, municipalityId: string, ref: string) {
  const parcel = await findPublicParcel(
    db,
    municipalityId,
    UUID.test(ref) ? { id: ref } : { renewalCode: ref.trim() },
  );
  if (!parcel) throw notFound('parcel');
  return parcel;
}

/**
 * "What may I build here?" for one parcel: its zone under the current layer, the row of the rule table in force
 * on `date` that fits its lot area and street, the limits that follow, the overlays touching it, and the permit
 * fees of a building that uses the allowed density. Public: no owner data.
 */
export async function describeParcelZoning(input: {
  db: Db;
  municipalityId: string;
  parcel: PublicParcelRow;
  date: string;
  locale: Locale;
}) {
  const { db, municipalityId, parcel, date, locale } = input;
  const zonesLayer = await findCurrentLayer(db, municipalityId, 'zones');
  const overlaysLayer = await findCurrentLayer(db, municipalityId, 'overlays');
  const zone = zonesLayer ? await findParcelZone(db, parcel.id, zonesLayer.id) : undefined;
  const hits = overlaysLayer ? await listParcelOverlayHits(db, parcel.id, overlaysLayer.id) : [];
  const ruleSetRow = await findRuleSetInForce(db, municipalityId, date);
  const ruleSet = ruleSetRow ? (ruleSetRow.rules as ZoningRuleSet) : null;
  const lotAreaM2 = Number(parcel.land_area_m2);
  const streetWidthM = parcel.street_width_m === null ? null : Number(parcel.street_width_m);

  const conditions: string[] = [];
  if (!ruleSet) conditions.push(translate(locale, 'zoning.no_rule_set', { date }));
  if (!zone) conditions.push(translate(locale, 'zoning.no_zone'));
  if (streetWidthM === null) conditions.push(translate(locale, 'zoning.street_unknown'));
  const selection =
    zone && ruleSet
      ? selectRule(ruleSet, {
          zoneCode: zone.zone_code,
          lotAreaM2,
          streetWidthM: streetWidthM ?? Number.POSITIVE_INFINITY,
        })
      : null;
  if (selection) conditions.push(...selection.conditions.map((message) => renderMessage(message, locale)));
  const rule = selection?.rule ?? null;
  const zoneRows = rule && ruleSet ? ruleSet.rules.filter((r) => r.zoneCode === rule.zoneCode) : [];
  const limits = rule ? deriveParcelLimits(rule, lotAreaM2) : null;

  const tariffRow = rule ? await findTariffInForce(db, municipalityId, date) : undefined;
  const tariff = tariffRow ? (tariffRow.tariff as PermitFeeTariff) : null;
  const fees =
    rule && tariff && tariffRow && rule.limits.maxDensityPct !== null
      ? estimateForAllowedDensity({ tariff, rule, landUse: parcel.land_use as ZoningLandUse, lotAreaM2 })
      : null;

  return {
    asOf: date,
    parcel: presentPublicParcel(parcel),
    zone:
      zone && zonesLayer
        ? {
            code: zone.zone_code,
            name: zone.name,
            layerVersion: zonesLayer.version,
            share: Number(zone.share),
          }
        : null,
    ruleSet: ruleSetRow ? presentRuleSetRef(ruleSetRow, ruleSet?.effectiveFromJalali) : null,
    rule: rule ? presentRule(rule, locale, zoneMinimumLotAreaM2(zoneRows)) : null,
    noRuleReason: selection && !selection.rule ? selection.reason : null,
    conditions,
    limits: limits && {
      maxTotalFloorAreaM2: limits.maxTotalFloorAreaM2,
      maxFootprintM2: limits.maxFootprintM2,
      minOpenSpaceM2: limits.minOpenSpaceM2,
      maxFloors: limits.maxFloors,
      maxUnits: limits.maxUnits,
    },
    overlays: hits.map((hit) => ({
      type: hit.overlay_type,
      name: hit.name,
      areaM2: Number(hit.area_m2),
      share: Number(hit.share),
      layerVersion: overlaysLayer?.version ?? 0,
    })),
    fees:
      fees && tariffRow && tariff
        ? {
            tariff: presentRuleSetRef(tariffRow, tariff.effectiveFromJalali),
            totalFloorAreaM2: fees.totalFloorAreaM2,
            totalRials: fees.totalRials,
            lines: fees.lines.map((line) => ({ ...line, formula: localizeFormula(line.formula, locale) })),
            notAllowedAreaM2: fees.notAllowedAreaM2,
          }
        : null,
  };
}

/** The engine prints formulas in English with Latin digits; Persian readers get Persian digits at least. */
function localizeFormula(formula: string, locale: Locale): string {
  if (locale !== 'fa') return formula;
  return formula.replace(/\d[\d,]*(?:\.\d+)?/g, (n) =>
    toPersianDigits(n.replaceAll(',', '٬').replace('.', '٫')),
  );
}
