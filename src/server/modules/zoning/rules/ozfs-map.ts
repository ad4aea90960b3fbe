import { isRecord, maxNumber, resolveValue } from './ozfs-resolve.js';
import type { Setbacks, ZoningLandUse, ZoningLimits } from './types.js';

/** Feet (OZFS files use US units) to metres, 2 decimals. */
export const metres = (feet: number): number => Math.round(feet * 0.3048 * 100) / 100;
/** Square feet to m², 2 decimals. */
export const squareMetres = (squareFeet: number): number => Math.round(squareFeet * 0.09290304 * 100) / 100;
const pct = (ratio: number): number => Math.round(ratio * 10_000) / 100;

const UNMAPPED_MODULES: Record<string, string> = {
  lotWidth: 'lot width is not modelled (our rows are conditioned on street width)',
  imperviousSurfaceCoverage: 'impervious-surface coverage is not modelled',
  premiums: 'FAR premiums (bonus floor area) are not modelled',
  floorArea: 'minimum unit and floor sizes are not modelled',
  floorWidth: 'minimum floor width is not modelled',
  footprint: 'accessory-structure footprints are not modelled',
  ADlotLocation: 'accessory-structure placement is not modelled',
};

function height(value: unknown): { feet: number; wallFeet: number | null } | undefined {
  const overall = maxNumber(value);
  if (overall !== undefined) return { feet: overall, wallFeet: null };
  const roof = isRecord(value) ? maxNumber(value.roof) : undefined;
  return roof === undefined || !isRecord(value)
    ? undefined
    : { feet: roof, wallFeet: maxNumber(value.wall) ?? null };
}

function far(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return isRecord(value) && typeof value.residential === 'number' ? value.residential : undefined;
}

function setbacks(value: unknown): { front: number; rear: number; side: number; corner: number } | undefined {
  if (!isRecord(value) || typeof value.front !== 'number' || typeof value.rear !== 'number') return undefined;
  let side = value.side;
  if (isRecord(side) && Array.isArray(side.bulkOptionalities) && side.bulkOptionalities.length === 1) {
    side = side.bulkOptionalities[0];
  }
  if (typeof side === 'number') return { front: value.front, rear: value.rear, side, corner: side };
  if (!isRecord(side) || typeof side.interior !== 'number') return undefined;
  const corner = typeof side.corner === 'number' ? side.corner : side.interior;
  return { front: value.front, rear: value.rear, side: side.interior, corner };
}

function lotArea(value: unknown): { min: number; max: number | null } | undefined {
  if (!isRecord(value) || typeof value.minimum !== 'number') return undefined;
  return { min: value.minimum, max: typeof value.maximum === 'number' ? value.maximum : null };
}

/** An OZFS use name as one of our land-use codes, or null. */
export function mapUse(name: string): ZoningLandUse | null {
  const n = name.toLowerCase();
  if (n.startsWith('mixed')) return 'mixed';
  return /family|residential|dwelling/.test(n) ? 'residential' : null;
}

/** A string or a list of strings, as a list. */
export const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/** The limits (and minimum lot) one constraint mapped to. */
export type Mapped = Partial<ZoningLimits> & { minLotAreaM2?: number };

/** Maps the modules of one OZFS constraint that have a clear equivalent; notes the rest. */
export function mapConstraint(
  constraint: Record<string, unknown>,
  options: Parameters<typeof resolveValue>[3],
  mapped: string[],
): Mapped {
  const out: Mapped = {};
  const notes = options.notes;
  for (const module of asList(constraint.constraintsModule)) {
    if (module === 'height') {
      const h = resolveValue(constraint, 'height', height, options);
      if (!h) continue;
      out.maxHeightM = metres(h.feet);
      const wall = h.wallFeet === null ? '' : ` (wall ${h.wallFeet} ft kept as a note)`;
      mapped.push(`height ${h.feet} ft → maxHeightM ${out.maxHeightM}${wall}`);
      if (h.wallFeet !== null) notes.push(`wall height at most ${h.wallFeet} ft (${metres(h.wallFeet)} m)`);
    } else if (module === 'stories') {
      const stories = resolveValue(constraint, 'stories', maxNumber, options);
      if (stories === undefined) continue;
      out.maxFloors = stories;
      mapped.push(`stories ${stories} → maxFloors ${stories}`);
    } else if (module === 'FAR') {
      const ratio = resolveValue(constraint, 'FAR', far, options);
      if (ratio === undefined) continue;
      out.maxDensityPct = pct(ratio);
      mapped.push(`FAR ${ratio} → maxDensityPct ${out.maxDensityPct}`);
    } else if (module === 'lotCoverage') {
      const coverage = resolveValue(constraint, 'lotCoverage', maxNumber, options);
      if (coverage === undefined) continue;
      out.maxCoveragePct = pct(coverage);
      mapped.push(`lotCoverage ${coverage} → maxCoveragePct ${out.maxCoveragePct}`);
    } else if (module === 'setbacks') {
      const s = resolveValue(constraint, 'setbacks', setbacks, options);
      if (!s) continue;
      const m: Setbacks = {
        kind: 'metres',
        frontM: metres(s.front),
        rearM: metres(s.rear),
        sideM: metres(s.side),
        cornerSideM: metres(s.corner),
      };
      out.setbacks = m;
      mapped.push(
        `setbacks front/rear/side/corner ${s.front}/${s.rear}/${s.side}/${s.corner} ft → ` +
          `${m.frontM}/${m.rearM}/${m.sideM}/${m.cornerSideM} m`,
      );
    } else if (module === 'lotArea') {
      const area = resolveValue(constraint, 'lotArea', lotArea, options);
      if (!area) continue;
      out.minLotAreaM2 = squareMetres(area.min);
      mapped.push(
        `lotArea minimum ${area.min} sq ft → minLotAreaM2 ${out.minLotAreaM2} (the zone's minimum lot)`,
      );
      if (area.max !== null) {
        notes.push(
          `lotArea maximum ${area.max} sq ft (${squareMetres(area.max)} m²) is a limit on new lots, not a row`,
        );
      }
    } else {
      notes.push(`${module}: ${UNMAPPED_MODULES[module] ?? 'module not mapped'}`);
    }
  }
  return out;
}
