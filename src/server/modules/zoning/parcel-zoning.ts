import type { Db } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import type { Locale } from '../../i18n/messages.js';
import { findCurrentLayer } from './layer-repository.js';
import {
  findParcelZone,
  findPublicParcel,
  listParcelOverlayHits,
  type PublicParcelRow,
} from './parcel-zoning-repository.js';
import { persianFormula, renderMessage } from './presenter.js';
import { estimateForAllowedDensity } from './rules/fees.js';
import { deriveParcelLimits } from './rules/limits.js';
import { selectRule } from './rules/select-rule.js';
import type { ZoningLandUse } from './rules/types.js';
import { type ZoningContext, zoningContext } from './zoning-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Today as YYYY-MM-DD in the municipality's time zone (rules take effect on local calendar days). */
const dateFormats = new Map<string, { format: Intl.DateTimeFormat; second: number; date: string }>();

export function localDate(now: Date, timeZone: string): string {
  // Formatting a date costs microseconds and every public lookup needs today: the answer is kept for the clock's
  // current second (no time zone in use changes its offset off a whole second).
  const second = Math.floor(now.getTime() / 1000);
  let entry = dateFormats.get(timeZone);
  if (!entry) {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    entry = { format, second: Number.NaN, date: '' };
    dateFormats.set(timeZone, entry);
  }
  if (entry.second !== second) {
    entry.date = entry.format.format(now);
    entry.second = second;
  }
  return entry.date;
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

/** What composing a parcel's zoning needs to know about the parcel, however it was read. */
export interface ParcelZoningFacts<P> {
  /** The parcel as the response shows it (passed through). */
  parcel: P;
  lotAreaM2: number;
  streetWidthM: number | null;
  landUse: string;
  zone: { code: string; name: string | null; layerVersion: number; share: number } | null;
  overlays: { type: string; name: string | null; areaM2: number; share: number; layerVersion: number }[];
}

/**
 * "What may I build here?" for one parcel, from its facts and the rules in force: the row of the zone's table that
 * fits its lot area and street, the limits that follow, and the permit fees of a building that uses the allowed
 * density. Pure: the database path and the in-memory point lookup both answer through it.
 */
export function composeParcelZoning<P>(
  context: ZoningContext,
  facts: ParcelZoningFacts<P>,
  options: { inWords?: boolean } = {},
) {
  // inWords false (a point lookup): no conditions and no formulas, only what the numbers say.
  const inWords = options.inWords !== false;
  const { ruleSet, tariff, locale } = context;
  const { zone, lotAreaM2, streetWidthM } = facts;
  const conditions: string[] = [];
  if (inWords && !ruleSet) conditions.push(context.texts.noRuleSet);
  if (inWords && !zone) conditions.push(context.texts.noZone);
  if (inWords && streetWidthM === null) conditions.push(context.texts.streetUnknown);
  const zoneRuleSet = zone && ruleSet ? context.ruleSetOfZone(zone.code) : null;
  const selection =
    zone && zoneRuleSet
      ? selectRule(
          zoneRuleSet,
          { zoneCode: zone.code, lotAreaM2, streetWidthM: streetWidthM ?? Number.POSITIVE_INFINITY },
          { explain: inWords },
        )
      : null;
  if (inWords)
    for (const message of selection?.conditions ?? []) conditions.push(renderMessage(message, locale));
  const rule = selection?.rule ?? null;
  const limits = rule ? deriveParcelLimits(rule, lotAreaM2) : null;
  const fees =
    rule && tariff && rule.limits.maxDensityPct !== null
      ? estimateForAllowedDensity({
          tariff,
          rule,
          landUse: facts.landUse as ZoningLandUse,
          lotAreaM2,
          formulas: inWords,
        })
      : null;

  return {
    asOf: context.date,
    parcel: facts.parcel,
    zone,
    ruleSet: context.ruleSetRef,
    rule: rule ? context.presentRule(rule) : null,
    // The street is narrower than the lot's own row needs, so a smaller lot's row is the rule: said in numbers too,
    // as a point lookup has no conditions in words and the rule's lot range alone would seem not to fit the lot.
    streetFallback:
      selection?.rule && selection.streetFallback
        ? {
            lotRange: selection.streetFallback.ownRow,
            requiredStreetWidthM: selection.streetFallback.requiredStreetWidthM,
          }
        : null,
    noRuleReason: selection && !selection.rule ? selection.reason : null,
    conditions,
    limits: limits && {
      maxTotalFloorAreaM2: limits.maxTotalFloorAreaM2,
      maxFootprintM2: limits.maxFootprintM2,
      minOpenSpaceM2: limits.minOpenSpaceM2,
      maxFloors: limits.maxFloors,
      maxUnits: limits.maxUnits,
    },
    overlays: facts.overlays,
    fees:
      fees && context.tariffRef
        ? {
            tariff: context.tariffRef,
            totalFloorAreaM2: fees.totalFloorAreaM2,
            totalRials: fees.totalRials,
            lines: fees.lines.map((line) => ({
              item: line.item,
              basisM2: line.basisM2,
              rateRialsPerM2: line.rateRialsPerM2,
              amountRials: line.amountRials,
              formula: locale === 'fa' && inWords ? persianFormula(line.formula) : line.formula,
            })),
            notAllowedAreaM2: fees.notAllowedAreaM2,
          }
        : null,
  };
}

/** A parcel's zoning read from the database (by id or renewal code): what `GET /parcels/{id}/zoning` answers. */
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
  const context = await zoningContext(db, municipalityId, date, locale);
  return composeParcelZoning(context, {
    parcel: presentPublicParcel(parcel),
    lotAreaM2: Number(parcel.land_area_m2),
    streetWidthM: parcel.street_width_m === null ? null : Number(parcel.street_width_m),
    landUse: parcel.land_use,
    zone:
      zone && zonesLayer
        ? {
            code: zone.zone_code,
            name: zone.name,
            layerVersion: zonesLayer.version,
            share: Number(zone.share),
          }
        : null,
    overlays: hits.map((hit) => ({
      type: hit.overlay_type,
      name: hit.name,
      areaM2: Number(hit.area_m2),
      share: Number(hit.share),
      layerVersion: overlaysLayer?.version ?? 0,
    })),
  });
}
