import type { lookupPoint } from './lookup-point.js';
import type { LookupParcel } from './parcel-facts.js';
import type { ParcelZoningFacts } from './parcel-zoning.js';

type PointLookupResult = Awaited<ReturnType<typeof lookupPoint>>;
type PointParcelZoning = NonNullable<PointLookupResult['parcel']>;
type FeeLines = NonNullable<PointParcelZoning['fees']>['lines'];

// The encoded JSON of objects that many answers share and nobody changes: rule rows and references presented once
// per rule set and language, zone tables, zone and overlay references built once per index. Much of it is
// Persian text, encoded to UTF-8 once here instead of once per answer. The answer stays a Buffer: measured on a
// bare Fastify route, a 1.8 KB Buffer body cost the server no more CPU than a 15-byte one, the same body as a
// string 6 µs more (Fastify measures it, then Node encodes it into the socket write).
const shared = new WeakMap<object, Buffer>();

function sharedJson(value: object): Buffer {
  let json = shared.get(value);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(value));
    shared.set(value, json);
  }
  return json;
}

/** JSON text built from written pieces and shared encoded fragments, encoded into one buffer at the end. */
class JsonBuffer {
  private readonly parts: (string | Buffer)[] = [];
  private text = '';

  write(text: string): this {
    this.text += text;
    return this;
  }

  shared(value: object | null): this {
    if (value === null) return this.write('null');
    if (this.text) this.parts.push(this.text);
    this.text = '';
    this.parts.push(sharedJson(value));
    return this;
  }

  toBuffer(): Buffer {
    if (this.text) this.parts.push(this.text);
    let length = 0;
    for (const part of this.parts) length += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
    const out = Buffer.allocUnsafe(length);
    let offset = 0;
    for (const part of this.parts)
      offset += typeof part === 'string' ? out.write(part, offset) : part.copy(out, offset);
    return out;
  }
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

function streetFallbackJson(fallback: PointParcelZoning['streetFallback']): string {
  if (!fallback) return 'null';
  return `{"lotRange":${str(fallback.lotRange)},"requiredStreetWidthM":${num(fallback.requiredStreetWidthM)}}`;
}

function writeParcelZoning(out: JsonBuffer, zoning: PointParcelZoning): void {
  const { fees, limits } = zoning;
  out
    .write(
      `{"asOf":${str(zoning.asOf)},"parcel":${parcelJson(zoning.parcel)},"zone":${zoneJson(zoning.zone)},"ruleSet":`,
    )
    .shared(zoning.ruleSet)
    .write(',"rule":')
    .shared(zoning.rule)
    .write(
      `,"streetFallback":${streetFallbackJson(zoning.streetFallback)},"noRuleReason":${strOrNull(zoning.noRuleReason)},"limits":`,
    );
  out.write(
    limits
      ? `{"maxTotalFloorAreaM2":${numOrNull(limits.maxTotalFloorAreaM2)},"maxFootprintM2":${numOrNull(limits.maxFootprintM2)},` +
          `"minOpenSpaceM2":${numOrNull(limits.minOpenSpaceM2)},"maxFloors":${numOrNull(limits.maxFloors)},` +
          `"maxUnits":${numOrNull(limits.maxUnits)}}`
      : 'null',
  );
  out.write(`,"overlays":${overlaysJson(zoning.overlays)},"fees":`);
  if (!fees) {
    out.write('null}');
    return;
  }
  out
    .write('{"tariff":')
    .shared(fees.tariff)
    .write(
      `,"totalFloorAreaM2":${num(fees.totalFloorAreaM2)},"totalRials":${num(fees.totalRials)},` +
        `"lines":${linesJson(fees.lines)},"notAllowedAreaM2":${num(fees.notAllowedAreaM2)}}}`,
    );
}

/**
 * The point-lookup answer as encoded JSON, for the route to send as it is. Fastify's schema serializer must try
 * each branch of every nullable object (a validation per branch), which cost more than the whole lookup; this
 * writes the same JSON field by field (the tests hold it to the schema and to the database path's answer),
 * reusing the encoded text of what answers share.
 */
export function pointLookupJson(result: PointLookupResult): Buffer {
  const out = new JsonBuffer()
    .write(`{"point":{"lat":${num(result.point.lat)},"lng":${num(result.point.lng)}},"zone":`)
    .shared(result.zone)
    .write(',"zoneRules":')
    .shared(result.zoneRules)
    .write(',"overlays":[');
  result.overlays.forEach((overlay, i) => {
    if (i > 0) out.write(',');
    out.shared(overlay);
  });
  out.write('],"parcel":');
  if (result.parcel) writeParcelZoning(out, result.parcel);
  else out.write('null');
  return out.write('}').toBuffer();
}
