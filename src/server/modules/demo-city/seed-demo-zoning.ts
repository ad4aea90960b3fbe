import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Feature } from '../../gis/types.js';
import { systemActor } from '../audit/actor.js';
import type { SourceFeature } from '../zoning/feature-source.js';
import { importOverlaysLayer } from '../zoning/import-overlays.js';
import { importZonesLayer } from '../zoning/import-zones.js';
import { DEMO_RULE_SETS } from '../zoning/rules/demo-rules.js';
import { DEMO_TARIFFS } from '../zoning/rules/demo-tariffs.js';
import { insertRuleSet, insertTariff } from '../zoning/zoning-repository.js';
import { demoOverlayFeatures, demoZoneFeatures } from './demo-zoning.js';
import type { DemoCity } from './generate.js';

async function* asSource(features: Feature[]): AsyncGenerator<SourceFeature> {
  for (const [index, feature] of features.entries()) yield { index, feature, warnings: [] };
}

/**
 * Gives the demo city its zoning: the dated rule tables and permit tariffs, then its zones and overlays imported
 * through the same code path an administrator's file takes, which also zones every parcel.
 */
export async function seedDemoZoning(
  db: Kysely<Database>,
  city: DemoCity,
  municipalityId: string,
  at = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    for (const ruleSet of DEMO_RULE_SETS) await insertRuleSet(trx, municipalityId, ruleSet);
    for (const tariff of DEMO_TARIFFS) await insertTariff(trx, municipalityId, tariff);
  });
  const common = {
    db,
    municipalityId,
    crs: 'EPSG:4326' as const,
    file: null,
    actor: systemActor(municipalityId),
    at,
  };
  const zones = await importZonesLayer({
    ...common,
    layerName: 'پهنه‌بندی طرح تفصیلی (نمونه)',
    features: asSource(demoZoneFeatures(city)),
  });
  const overlays = await importOverlaysLayer({
    ...common,
    layerName: 'لایه‌های محدودیت (نمونه)',
    features: asSource(demoOverlayFeatures(city)),
  });
  return { zones: zones.features, overlays: overlays.features };
}
