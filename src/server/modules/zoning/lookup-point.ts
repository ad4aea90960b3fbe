import type { Db } from '../../db/schema.js';
import type { Locale } from '../../i18n/messages.js';
import { describeParcelZoning } from './parcel-zoning.js';
import { findPublicParcel } from './parcel-zoning-repository.js';
import { presentRule } from './presenter.js';
import { zoneMinimumLotAreaM2 } from './rules/select-rule.js';
import type { ZoningRuleSet } from './rules/types.js';
import type { ZoningIndexRegistry } from './zoning-index.js';
import { findRuleSetInForce } from './zoning-repository.js';

/**
 * What is at a point: the zone (in-process index, exact point-in-polygon; a point on an edge counts as inside),
 * the overlays, and, when the point falls on a parcel, that parcel's full zoning. Off any parcel, the whole
 * table of the zone is returned so the visitor still sees what the zone allows.
 */
export async function lookupPoint(input: {
  db: Db;
  registry: ZoningIndexRegistry;
  municipalityId: string;
  lat: number;
  lng: number;
  date: string;
  locale: Locale;
}) {
  const { db, municipalityId, lat, lng, date, locale } = input;
  const indexes = await input.registry.get(municipalityId);
  const zone = indexes.zones.pointQuery(lng, lat)[0] ?? null;
  const overlays = indexes.overlays.pointQuery(lng, lat);
  const parcelId = indexes.parcels.pointQuery(lng, lat)[0];
  const parcelRow = parcelId ? await findPublicParcel(db, municipalityId, { id: parcelId }) : undefined;
  const parcel = parcelRow
    ? await describeParcelZoning({ db, municipalityId, parcel: parcelRow, date, locale })
    : null;
  let zoneRules: ReturnType<typeof presentRule>[] = [];
  if (zone && !parcel) {
    const ruleSetRow = await findRuleSetInForce(db, municipalityId, date);
    const rows = ruleSetRow
      ? (ruleSetRow.rules as ZoningRuleSet).rules.filter((r) => r.zoneCode === zone.code)
      : [];
    const minimum = zoneMinimumLotAreaM2(rows);
    zoneRules = rows.map((rule) => presentRule(rule, locale, minimum));
  }
  return {
    point: { lat, lng },
    zone:
      zone && indexes.zonesLayer
        ? { code: zone.code, name: zone.name, layerVersion: indexes.zonesLayer.version }
        : null,
    zoneRules,
    overlays: overlays.map((overlay) => ({ type: overlay.type, name: overlay.name })),
    parcel,
  };
}
