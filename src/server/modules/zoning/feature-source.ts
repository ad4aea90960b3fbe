import path from 'node:path';
import { openGeoJson } from '../../gis/read-geojson.js';
import { describeTextIssue, openShapefile } from '../../gis/read-shapefile.js';
import { crsFromName, type SupportedCrs } from '../../gis/reproject.js';
import type { Feature } from '../../gis/types.js';
import { AppError } from '../../http/errors.js';

/** One feature of a layer file, with attribute text repaired on reading (Shapefiles only). */
export interface SourceFeature {
  index: number;
  feature: Feature;
  warnings: string[];
}

/** An opened GeoJSON or Shapefile layer: its CRS and its features, streamed. */
export interface LayerSource {
  file: string;
  format: 'geojson' | 'shapefile';
  crs: SupportedCrs;
  crsFrom: 'option' | 'file' | 'default';
  features(): AsyncGenerator<SourceFeature>;
}

/**
 * Opens a layer file by extension (.geojson/.json or .shp). The CRS comes from `--crs`, else the file (.prj, or
 * GeoJSON's old `crs` member), else WGS84 for GeoJSON; a Shapefile whose CRS cannot be told is refused.
 */
export async function openLayerSource(file: string, options: { crs?: string } = {}): Promise<LayerSource> {
  const forced = options.crs ? crsFromName(options.crs) : null;
  if (options.crs && !forced) {
    throw new Error(`Unsupported CRS "${options.crs}": use EPSG:4326 or a UTM zone EPSG:32638 … EPSG:32641`);
  }
  const extension = path.extname(file).toLowerCase();
  if (extension === '.shp') {
    const source = await openShapefile(file);
    const crs = forced ?? source.crs;
    if (!crs) {
      await source.close();
      throw new Error(
        `${file}: no .prj and the coordinates are not degrees; say the CRS with --crs EPSG:326xx`,
      );
    }
    return {
      file,
      format: 'shapefile',
      crs,
      crsFrom: forced ? 'option' : 'file',
      async *features() {
        for await (const item of source.features()) {
          yield {
            index: item.index,
            feature: item.feature,
            warnings: item.textIssues.map((issue) => describeTextIssue(issue, source.encoding)),
          };
        }
      },
    };
  }
  if (extension === '.geojson' || extension === '.json') {
    const source = await openGeoJson(file);
    if (source.crsName && !source.crs && !forced) {
      throw new Error(`${file} declares the unsupported CRS "${source.crsName}"; reproject it or pass --crs`);
    }
    return {
      file,
      format: 'geojson',
      crs: forced ?? source.crs ?? 'EPSG:4326',
      crsFrom: forced ? 'option' : source.crs ? 'file' : 'default',
      async *features() {
        for await (const item of source.features()) yield { ...item, warnings: [] };
      },
    };
  }
  throw new AppError('validation_failed', { fields: [{ field: 'file', rule: 'format' }] });
}
