import type { Db } from '../../db/schema.js';
import { bbox } from '../../gis/measure.js';
import type { SupportedCrs } from '../../gis/reproject.js';
import type { Actor } from '../audit/actor.js';
import { buildZoneIndex } from './classify-parcels.js';
import type { SourceFeature } from './feature-source.js';
import type { ImportProgress, ImportReport } from './import-report.js';
import { propertyOf } from './prepare-feature.js';
import { readLayer } from './read-layer.js';
import { writeLayerVersion } from './write-layer.js';
import { insertZones, type ZoneInsert } from './zoning-repository.js';

export const ZONE_CODE_FIELDS = ['zone_code', 'zoneCode', 'zone', 'code', 'ZONE_CODE', 'kod'];
export const NAME_FIELDS = ['name', 'name_fa', 'title', 'NAME'];

export interface LayerImportInput {
  db: Db;
  municipalityId: string;
  features: AsyncIterable<SourceFeature>;
  crs: SupportedCrs;
  file: string | null;
  layerName: string;
  actor: Actor;
  at: Date;
  onProgress?: ImportProgress;
}

/**
 * Imports a zoning layer as a new version: every feature must be a valid polygon with a zone code, or nothing is
 * written. Then every parcel gets the zone holding most of its area under this version; older versions and
 * their parcel zones stay, for cases decided under them.
 */
export async function importZonesLayer(
  input: LayerImportInput & { codeField?: string },
): Promise<ImportReport> {
  const codeFields = input.codeField ? [input.codeField] : ZONE_CODE_FIELDS;
  const { rows: zones, warnings } = await readLayer<ZoneInsert>(input, (prepared) => {
    const code = propertyOf(prepared.properties, codeFields);
    if (code === undefined) return `it has no zone code (looked for ${codeFields.join(', ')})`;
    const name = propertyOf(prepared.properties, NAME_FIELDS);
    return {
      zoneCode: String(code).trim(),
      name: name === undefined ? null : String(name),
      geometry: prepared.geometry,
      bbox: bbox(prepared.geometry),
      properties: prepared.properties,
    };
  });
  return writeLayerVersion(
    input,
    { kind: 'zones', features: zones.length, warnings },
    async (trx, layerId) => {
      const ids = await insertZones(trx, input.municipalityId, layerId, zones);
      const index = buildZoneIndex(
        zones.map((zone, i) => ({
          id: ids[i],
          code: zone.zoneCode,
          name: zone.name,
          geometry: zone.geometry,
        })),
      );
      return { zones: { layerId, index } };
    },
  );
}
