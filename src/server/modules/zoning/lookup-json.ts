import type { lookupPoint } from './lookup-point.js';
import type { LookupParcel } from './parcel-facts.js';
import type { ParcelZoningFacts } from './parcel-zoning.js';

type PointLookupResult = Awaited<ReturnType<typeof lookupPoint>>;
type PointParcelZoning = NonNullable<PointLookupResult['parcel']>;
type FeeLines = NonNullable<PointParcelZoning['fees']>['lines'];

// JSON of objects that many answers share and nobody changes: rule rows and references presented once per rule
// set and language, zone tables, zone and overlay references built once per index.
const shared = new WeakMap<object, string>();

function sharedJson(value: object | null): string {
  if (value === null) return 'null';
  let json = shared.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    shared.set(value, json);
  }
  return json;
}

// JSON.stringify scans a Persian string slowly; most of ours have nothing to escape and are quoted as they are.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON must escape.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const str = (value: string): string => (NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`);
const strOrNull = (value: string | null): string => (value === null ? 'null' : str(value));
const num = (value: number): string => (Number.isFinite(value) ? `${value}` : 'null');
const numOrNull = (value: number | null): string => (value === null ? 'null' : num(value));

function parcelJson(parcel: LookupParcel): string {
  const { plate, centroid } = parcel;
  return (
    `{"id":"${parcel.id}","renewalCode":${str(parcel.renewalCode)},"plate":{"registrationSection":${plate.registrationSection},` +
    `"mainPlate":${plate.mainPlate},"subPlates":[${plate.subPlates.join(',')}],"unitNo":${numOrNull(plate.unitNo)}},` +
    `"districtNumber":${parcel.districtNumber},"landAreaM2":${num(parcel.landAreaM2)},` +
    `"streetWidthM":${numOrNull(parcel.streetWidthM)},"landUse":${str(parcel.landUse)},` +
    `"centroid":{"lng":${num(centroid.lng)},"lat":${num(centroid.lat)}}}`
  );
}

function zoneJson(zone: ParcelZoningFacts<unknown>['zone']): string {
  if (!zone) return 'null';
  return `{"code":${str(zone.code)},"name":${strOrNull(zone.name)},"layerVersion":${zone.layerVersion},"share":${num(zone.share)}}`;
}

function overlaysJson(overlays: ParcelZoningFacts<unknown>['overlays']): string {
  let json = '';
  for (const hit of overlays) {
    json +=
      `${json ? ',' : ''}{"type":${str(hit.type)},"name":${strOrNull(hit.name)},"areaM2":${num(hit.areaM2)},` +
      `"share":${num(hit.share)},"layerVersion":${hit.layerVersion}}`;
  }
  return `[${json}]`;
}

function linesJson(lines: FeeLines): string {
  let json = '';
  for (const line of lines) {
    json +=
      `${json ? ',' : ''}{"item":${str(line.item)},"basisM2":${num(line.basisM2)},"rateRialsPerM2":${num(line.rateRialsPerM2)},` +
      `"amountRials":${num(line.amountRials)}}`;
  }
  return `[${json}]`;
}

function parcelZoningJson(zoning: PointParcelZoning): string {
  const { fees, limits } = zoning;
  const feesJson = fees
    ? `{"tariff":${sharedJson(fees.tariff)},"totalFloorAreaM2":${num(fees.totalFloorAreaM2)},"totalRials":${num(fees.totalRials)},` +
      `"lines":${linesJson(fees.lines)},"notAllowedAreaM2":${num(fees.notAllowedAreaM2)}}`
    : 'null';
  const limitsJson = limits
    ? `{"maxTotalFloorAreaM2":${numOrNull(limits.maxTotalFloorAreaM2)},"maxFootprintM2":${numOrNull(limits.maxFootprintM2)},` +
      `"minOpenSpaceM2":${numOrNull(limits.minOpenSpaceM2)},"maxFloors":${numOrNull(limits.maxFloors)},` +
      `"maxUnits":${numOrNull(limits.maxUnits)}}`
    : 'null';
  return (
    `{"asOf":${str(zoning.asOf)},"parcel":${parcelJson(zoning.parcel)},"zone":${zoneJson(zoning.zone)},` +
    `"ruleSet":${sharedJson(zoning.ruleSet)},"rule":${sharedJson(zoning.rule)},"noRuleReason":${strOrNull(zoning.noRuleReason)},` +
    `"limits":${limitsJson},` +
    `"overlays":${overlaysJson(zoning.overlays)},"fees":${feesJson}}`
  );
}

/**
 * The point-lookup answer as JSON text, for the route to send as it is. Fastify's schema serializer must try each
 * branch of every nullable object (a validation per branch), which cost more than the whole lookup; this writes
 * the same JSON field by field (the tests hold it to the schema and to the database path's answer), reusing the
 * text of what answers share.
 */
export function pointLookupJson(result: PointLookupResult): string {
  const overlays = result.overlays.map(sharedJson).join(',');
  return (
    `{"point":{"lat":${num(result.point.lat)},"lng":${num(result.point.lng)}},"zone":${sharedJson(result.zone)},` +
    `"zoneRules":${sharedJson(result.zoneRules)},"overlays":[${overlays}],` +
    `"parcel":${result.parcel ? parcelZoningJson(result.parcel) : 'null'}}`
  );
}
