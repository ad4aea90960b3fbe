import type { SupportedCrs } from '../../gis/reproject.js';
import type { SourceFeature } from './feature-source.js';
import { type ImportProgress, ImportRejected, type ImportReport } from './import-report.js';
import { type FeatureProblem, isProblem, type PreparedFeature, prepareFeature } from './prepare-feature.js';

/**
 * Reads a whole layer, preparing every feature (WGS84, validated) and turning it into a row with `toRow`, which
 * returns the row or the reason the feature cannot be imported. Any problem rejects the whole layer, listing all.
 */
export async function readLayer<T>(
  input: { features: AsyncIterable<SourceFeature>; crs: SupportedCrs; onProgress?: ImportProgress },
  toRow: (prepared: PreparedFeature) => T | string,
): Promise<{ rows: T[]; warnings: ImportReport['warnings'] }> {
  const rows: T[] = [];
  const problems: FeatureProblem[] = [];
  const warnings: ImportReport['warnings'] = [];
  let count = 0;
  for await (const item of input.features) {
    count++;
    input.onProgress?.(count, 'reading');
    const prepared = prepareFeature(item, input.crs);
    if (isProblem(prepared)) {
      problems.push(prepared);
      continue;
    }
    const row = toRow(prepared);
    if (typeof row === 'string') {
      problems.push({ index: item.index, featureId: null, reason: row });
      continue;
    }
    for (const message of prepared.warnings) warnings.push({ index: item.index, message });
    rows.push(row);
  }
  if (count === 0)
    throw new ImportRejected([{ index: 0, featureId: null, reason: 'the file has no features' }], 0);
  if (problems.length > 0) throw new ImportRejected(problems, count);
  return { rows, warnings };
}
