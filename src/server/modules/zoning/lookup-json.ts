import { JsonBytes } from '../../http/json-bytes.js';
import type { lookupPoint } from './lookup-point.js';
import type { LookupParcel } from './parcel-facts.js';
import type { ParcelZoningFacts } from './parcel-zoning.js';

type PointLookupResult = Awaited<ReturnType<typeof lookupPoint>>;
type PointParcelZoning = NonNullable<PointLookupResult['parcel']>;
type FeeLines = NonNullable<PointParcelZoning['fees']>['lines'];

// The encoded JSON of objects that many answers share and nobody changes: rule rows and references presented once
// per rule set and language, zone tables, zone and overlay references built once per index. Much of it is
// Persian text, encoded to UTF-8 once here instead of once per answer.
const shared = new WeakMap<object, Buffer>();

function sharedJson(value: object): Buffer {
  let json = shared.get(value);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(value));
    shared.set(value, json);
  }
  return json;
}

const NULL = Buffer.from('null');
const sharedOrNull = (value: object | null): Buffer => (value === null ? NULL : sharedJson(value));

// One writer for the process: each answer is written synchronously from begin() to take().
const out = new JsonBytes();

function writeParcel(parcel: LookupParcel): void {
  const { plate, centroid } = parcel;
  out.ascii('{"id":"').ascii(parcel.id).ascii('","renewalCode":').str(parcel.renewalCode);
  out.ascii(',"plate":{"registrationSection":').num(plate.registrationSection);
  out.ascii(',"mainPlate":').num(plate.mainPlate).ascii(',"subPlates":');
  out
    .list(plate.subPlates, (subPlate) => out.num(subPlate))
    .ascii(',"unitNo":')
    .numOrNull(plate.unitNo);
  out.ascii('},"districtNumber":').num(parcel.districtNumber);
  out.ascii(',"landAreaM2":').num(parcel.landAreaM2).ascii(',"streetWidthM":').numOrNull(parcel.streetWidthM);
  out.ascii(',"landUse":').str(parcel.landUse);
  out.ascii(',"centroid":{"lng":').num(centroid.lng).ascii(',"lat":').num(centroid.lat).ascii('}}');
}

function writeZone(zone: ParcelZoningFacts<unknown>['zone']): void {
  if (!zone) {
    out.ascii('null');
    return;
  }
  out.ascii('{"code":').str(zone.code).ascii(',"name":').strOrNull(zone.name);
  out.ascii(',"layerVersion":').num(zone.layerVersion).ascii(',"share":').num(zone.share).ascii('}');
}

function writeOverlays(overlays: ParcelZoningFacts<unknown>['overlays']): void {
  out.list(overlays, (hit) => {
    out.ascii('{"type":').str(hit.type).ascii(',"name":').strOrNull(hit.name);
    out.ascii(',"areaM2":').num(hit.areaM2).ascii(',"share":').num(hit.share);
    out.ascii(',"layerVersion":').num(hit.layerVersion).ascii('}');
  });
}

function writeLines(lines: FeeLines): void {
  out.list(lines, (line) => {
    out.ascii('{"item":').str(line.item).ascii(',"basisM2":').num(line.basisM2);
    out.ascii(',"rateRialsPerM2":').num(line.rateRialsPerM2).ascii(',"amountRials":').num(line.amountRials);
    out.ascii('}');
  });
}

function writeLimits(limits: PointParcelZoning['limits']): void {
  if (!limits) {
    out.ascii('null');
    return;
  }
  out.ascii('{"maxTotalFloorAreaM2":').numOrNull(limits.maxTotalFloorAreaM2);
  out.ascii(',"maxFootprintM2":').numOrNull(limits.maxFootprintM2);
  out.ascii(',"minOpenSpaceM2":').numOrNull(limits.minOpenSpaceM2);
  out.ascii(',"maxFloors":').numOrNull(limits.maxFloors).ascii(',"maxUnits":').numOrNull(limits.maxUnits);
  out.ascii('}');
}

function writeParcelZoning(zoning: PointParcelZoning): void {
  const { fees, streetFallback } = zoning;
  out.ascii('{"asOf":').str(zoning.asOf).ascii(',"parcel":');
  writeParcel(zoning.parcel);
  out.ascii(',"zone":');
  writeZone(zoning.zone);
  out.ascii(',"ruleSet":').bytes(sharedOrNull(zoning.ruleSet));
  out.ascii(',"rule":').bytes(sharedOrNull(zoning.rule));
  out.ascii(',"streetFallback":');
  if (streetFallback) {
    out.ascii('{"lotRange":').str(streetFallback.lotRange);
    out.ascii(',"requiredStreetWidthM":').num(streetFallback.requiredStreetWidthM).ascii('}');
  } else out.ascii('null');
  out.ascii(',"noRuleReason":').strOrNull(zoning.noRuleReason).ascii(',"limits":');
  writeLimits(zoning.limits);
  out.ascii(',"overlays":');
  writeOverlays(zoning.overlays);
  out.ascii(',"fees":');
  if (!fees) {
    out.ascii('null}');
    return;
  }
  out.ascii('{"tariff":').bytes(sharedJson(fees.tariff));
  out.ascii(',"totalFloorAreaM2":').num(fees.totalFloorAreaM2).ascii(',"totalRials":').num(fees.totalRials);
  out.ascii(',"lines":');
  writeLines(fees.lines);
  out.ascii(',"notAllowedAreaM2":').num(fees.notAllowedAreaM2).ascii('}}');
}

/**
 * The point-lookup answer as encoded JSON, for the route to send as it is. Fastify's schema serializer must try
 * each branch of every nullable object (a validation per branch), which cost more than the whole lookup; this
 * writes the same JSON field by field straight into bytes (the tests hold it to the schema and to the database
 * path's answer), reusing the encoded text of what answers share.
 */
export function pointLookupJson(result: PointLookupResult): Buffer {
  out.begin().ascii('{"point":{"lat":').num(result.point.lat).ascii(',"lng":').num(result.point.lng);
  out.ascii('},"zone":').bytes(sharedOrNull(result.zone));
  out.ascii(',"zoneRules":').bytes(sharedJson(result.zoneRules)).ascii(',"overlays":');
  out.list(result.overlays, (overlay) => out.bytes(sharedJson(overlay))).ascii(',"parcel":');
  if (result.parcel) writeParcelZoning(result.parcel);
  else out.ascii('null');
  return out.ascii('}').take();
}
