import type { FeatureProblem } from './prepare-feature.js';

/** What an import did, for the command line and the audit log. */
export interface ImportReport {
  kind: 'zones' | 'overlays' | 'parcels' | 'districts';
  file: string | null;
  crs: string;
  features: number;
  layerId: string | null;
  layerVersion: number | null;
  warnings: { index: number; message: string }[];
  parcelsClassified: number;
}

/** Thrown when any feature cannot be imported: nothing was written, and every problem is listed. */
export class ImportRejected extends Error {
  constructor(
    readonly problems: FeatureProblem[],
    readonly features: number,
  ) {
    super(
      `Import refused: ${problems.length} of ${features} features cannot be imported; nothing was changed.\n` +
        problems
          .slice(0, 50)
          .map((p) => `  feature ${p.index}${p.featureId ? ` (id ${p.featureId})` : ''}: ${p.reason}`)
          .join('\n') +
        (problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''),
    );
    this.name = 'ImportRejected';
  }
}

/** Progress callback: features read so far, and a phase name for the progress bar. */
export type ImportProgress = (done: number, phase: 'reading' | 'writing' | 'classifying') => void;
