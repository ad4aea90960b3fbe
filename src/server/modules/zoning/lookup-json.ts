import type { lookupPoint } from './lookup-point.js';

type PointLookupResult = Awaited<ReturnType<typeof lookupPoint>>;
type PointParcelZoning = NonNullable<PointLookupResult['parcel']>;

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

const text = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));

function parcelZoningJson(zoning: PointParcelZoning): string {
  const { fees } = zoning;
  const feesJson = fees
    ? `{"tariff":${sharedJson(fees.tariff)},"totalFloorAreaM2":${fees.totalFloorAreaM2},"totalRials":${fees.totalRials},` +
      `"lines":${JSON.stringify(fees.lines)},"notAllowedAreaM2":${fees.notAllowedAreaM2}}`
    : 'null';
  return (
    `{"asOf":${text(zoning.asOf)},"parcel":${JSON.stringify(zoning.parcel)},` +
    `"zone":${zoning.zone ? JSON.stringify(zoning.zone) : 'null'},"ruleSet":${sharedJson(zoning.ruleSet)},` +
    `"rule":${sharedJson(zoning.rule)},"noRuleReason":${text(zoning.noRuleReason)},` +
    `"conditions":${JSON.stringify(zoning.conditions)},"limits":${zoning.limits ? JSON.stringify(zoning.limits) : 'null'},` +
    `"overlays":${JSON.stringify(zoning.overlays)},"fees":${feesJson}}`
  );
}

/**
 * The point-lookup answer as JSON text, for the route to send as it is. Fastify's schema serializer must try each
 * branch of every nullable object (a validation per branch), which cost more than the whole lookup; this writes
 * the same JSON (a test compares the two) from fragments that are shared between answers.
 */
export function pointLookupJson(result: PointLookupResult): string {
  const overlays = result.overlays.map(sharedJson).join(',');
  return (
    `{"point":{"lat":${result.point.lat},"lng":${result.point.lng}},"zone":${sharedJson(result.zone)},` +
    `"zoneRules":${sharedJson(result.zoneRules)},"overlays":[${overlays}],` +
    `"parcel":${result.parcel ? parcelZoningJson(result.parcel) : 'null'}}`
  );
}
