import fs from 'node:fs';
import { FeatureSplitter, type SplitEvent } from './json-splitter.js';
import { crsFromName, type SupportedCrs } from './reproject.js';
import type { Feature, IndexedFeature } from './types.js';

/** An opened GeoJSON file: what its header said, and its features streamed one at a time. */
export interface GeoJsonSource {
  /** The root's `type`: 'FeatureCollection' or 'Feature'. */
  readonly rootType: 'FeatureCollection' | 'Feature';
  /** The old-style named `crs` member (e.g. "urn:ogc:def:crs:EPSG::32639"), or null when absent. */
  readonly crsName: string | null;
  /** crsName as a supported CRS; null when absent (GeoJSON then means WGS84) or not supported. */
  readonly crs: SupportedCrs | null;
  /** The features in file order; can be iterated once. */
  features(): AsyncGenerator<IndexedFeature>;
}

/** Options: the longest single feature accepted, in characters (default 256 Mi). */
export interface GeoJsonOptions {
  maxFeatureLength?: number;
}

function toFeature(value: unknown, index: number): Feature {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`feature ${index} is not a JSON object`);
  }
  const f = value as Partial<Feature> & Record<string, unknown>;
  if (f.type !== 'Feature') throw new TypeError(`feature ${index} has type ${String(f.type)}, not Feature`);
  f.properties ??= null;
  f.geometry ??= null;
  return f as Feature;
}

function parseFeature(text: string, index: number): Feature {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`feature ${index} is not valid JSON: ${(error as Error).message}`);
  }
  return toFeature(value, index);
}

function namedCrs(text: string): string | null {
  const crs = JSON.parse(text) as { type?: unknown; properties?: { name?: unknown } } | null;
  const name = crs?.type === 'name' ? crs.properties?.name : undefined;
  return typeof name === 'string' ? name : null;
}

/**
 * Opens a GeoJSON FeatureCollection (or a single Feature) file and reads up to its first feature, streaming:
 * the file is never held as one string, so memory stays bounded by the largest feature. A `crs` member that
 * comes before `features` (as GDAL writes it) is known on return; one that comes after, once all features
 * have been read.
 */
export async function openGeoJson(path: string, options: GeoJsonOptions = {}): Promise<GeoJsonSource> {
  const stream = fs.createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  const splitter = new FeatureSplitter(options.maxFeatureLength);
  let queue: SplitEvent[] = [];
  const members = new Map<string, string>();
  let sawFeatures = false;
  let ended = false;

  /** Reads chunks until at least one feature is queued or the input ends; records members on the way. */
  const fill = async (): Promise<void> => {
    while (!ended && queue.length === 0) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        splitter.end();
        break;
      }
      const events: SplitEvent[] = [];
      splitter.push(next.value, events);
      for (const event of events) {
        if (event.kind === 'member') members.set(event.key, event.text);
        else queue.push(event);
      }
      if (splitter.done) ended = true;
    }
    sawFeatures ||= queue.length > 0;
  };

  try {
    await fill();
  } catch (error) {
    stream.destroy();
    throw error;
  }
  const typeText = members.get('type');
  const declared = typeText ? JSON.parse(typeText) : undefined;
  const rootType = sawFeatures || declared === 'FeatureCollection' ? 'FeatureCollection' : declared;
  if (rootType !== 'FeatureCollection' && rootType !== 'Feature') {
    stream.destroy();
    throw new TypeError(`GeoJSON root type is ${String(declared)}, not FeatureCollection or Feature`);
  }
  let used = false;
  const crsName = () => {
    const text = members.get('crs');
    return text ? namedCrs(text) : null;
  };
  return {
    rootType,
    get crsName() {
      return crsName();
    },
    get crs() {
      const name = crsName();
      return name ? crsFromName(name) : null;
    },
    async *features() {
      if (used) throw new Error('features() can be iterated only once');
      used = true;
      try {
        if (rootType === 'Feature') {
          const root = Object.fromEntries([...members].map(([key, text]) => [key, JSON.parse(text)]));
          yield { index: 0, feature: toFeature(root, 0) };
          return;
        }
        let index = 0;
        for (;;) {
          const batch = queue;
          queue = [];
          for (const event of batch) {
            yield { index, feature: parseFeature(event.text, index) };
            index++;
          }
          if (ended) return;
          await fill();
        }
      } finally {
        stream.destroy();
      }
    },
  };
}

/** Convenience: the features of a GeoJSON file, streamed (see openGeoJson). */
export async function* readGeoJsonFeatures(
  path: string,
  options?: GeoJsonOptions,
): AsyncGenerator<IndexedFeature> {
  const source = await openGeoJson(path, options);
  yield* source.features();
}
