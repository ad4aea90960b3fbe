import { asList, type Mapped, mapConstraint, mapUse } from './ozfs-map.js';
import { parseJson5Leniently } from './ozfs-parse.js';
import { isRecord, normalizeBulk, type OzfsContext } from './ozfs-resolve.js';
import type { ZoningLandUse, ZoningRule } from './types.js';

export type { OzfsContext } from './ozfs-resolve.js';

/** A district as listed in an OZFS municipality file. */
export interface OzfsDistrictListing {
  code: string;
  name: string;
  type: string;
}

/** What one OZFS file became: a rule where the mapping is clear, and notes for everything else. */
export interface OzfsConversion {
  file: string;
  kind: 'district' | 'municipality' | 'unreadable';
  zoneCode: string | null;
  districtName: string | null;
  districtType: string | null;
  rule: ZoningRule | null;
  /** "source → target" for every value that was mapped. */
  mapped: string[];
  notes: string[];
  /** Syntax slips that were repaired to read the file. */
  repairs: string[];
  districts: OzfsDistrictListing[];
}

function zoneCodeOf(district: Record<string, unknown>): string | null {
  if (typeof district.districtId === 'string') return district.districtId;
  const first = typeof district.name === 'string' ? district.name.trim().split(/\s+/)[0] : '';
  if (/^[A-Z][A-Z0-9]+$/.test(first)) return first;
  return typeof district.identifier === 'string' ? (district.identifier.split('-').pop() ?? null) : null;
}

/** The districts an OZFS municipality file lists, by code. */
export function listOzfsDistricts(doc: unknown): OzfsDistrictListing[] {
  if (!isRecord(doc) || !Array.isArray(doc.zoningCodes)) return [];
  return doc.zoningCodes.flatMap((code) =>
    isRecord(code) && Array.isArray(code.districts)
      ? code.districts.filter(isRecord).map((d) => ({
          code: String(d.name).split(/\s+/)[0],
          name: String(d.name),
          type: String(d.type),
        }))
      : [],
  );
}

/**
 * Converts one OZFS file (JSON5 text) into a ZoningRule where the mapping is clear. Never throws on content:
 * unreadable files, unknown modules and conditional values become notes. `context` chooses between values that
 * depend on the building type or the base district's type.
 */
export function convertOzfsText(file: string, text: string, context: OzfsContext = {}): OzfsConversion {
  const parsed = parseJson5Leniently(text);
  const result: OzfsConversion = {
    file,
    kind: 'unreadable',
    zoneCode: null,
    districtName: null,
    districtType: null,
    rule: null,
    mapped: [],
    notes: [],
    repairs: parsed.repairs,
    districts: [],
  };
  const doc = parsed.value;
  if ('error' in parsed) return { ...result, notes: [`not readable even after repairs: ${parsed.error}`] };
  if (isRecord(doc) && Array.isArray(doc.zoningCodes)) {
    const districts = listOzfsDistricts(doc);
    return {
      ...result,
      kind: 'municipality',
      districts,
      notes: [`municipality file listing ${districts.length} districts`],
    };
  }
  if (!isRecord(doc) || !isRecord(doc.district))
    return { ...result, notes: ['neither a district nor a municipality file'] };
  return convertDistrict(result, doc, doc.district, context);
}

function convertDistrict(
  base: OzfsConversion,
  doc: Record<string, unknown>,
  district: Record<string, unknown>,
  context: OzfsContext,
): OzfsConversion {
  const zoneCode = zoneCodeOf(district);
  const name = typeof district.name === 'string' ? district.name : null;
  const notes: string[] = [];
  const mapped: string[] = [];
  if (zoneCode && !base.file.toLowerCase().includes(zoneCode.toLowerCase())) {
    notes.push(`the file name does not mention ${zoneCode}: check the district identifier`);
  }
  const uses = isRecord(doc.usePermissions) ? doc.usePermissions : null;
  const permitted = asList(uses?.permitted);
  const permittedBulks = permitted.map(normalizeBulk).filter((n) => n.endsWith('-family'));
  let allowedUses: ZoningLandUse[] | null = null;
  if (permitted.length > 0) {
    allowedUses = [...new Set(permitted.map(mapUse).filter((u): u is ZoningLandUse => u !== null))];
    mapped.push(`permitted uses ${permitted.join(', ')} → allowedUses ${allowedUses.join(', ')}`);
    const unknown = permitted.filter((u) => mapUse(u) === null);
    if (unknown.length > 0) notes.push(`permitted uses without a land-use code: ${unknown.join(', ')}`);
  }
  const conditional = asList(uses?.conditional);
  if (conditional.length > 0) notes.push(`conditional uses not in allowedUses: ${conditional.join(', ')}`);
  const options = { context, permittedBulks, notes };
  const limits: Mapped = {};
  for (const constraint of Array.isArray(doc.constraints) ? doc.constraints : []) {
    if (isRecord(constraint)) Object.assign(limits, mapConstraint(constraint, options, mapped));
  }
  const districtType =
    typeof district.districtType === 'string'
      ? district.districtType
      : name?.includes('Overlay')
        ? 'overlay'
        : null;
  const result = { ...base, kind: 'district' as const, zoneCode, districtName: name, districtType, mapped };
  if (mapped.length === 0 || zoneCode === null) return { ...result, notes: [...new Set(notes)] };
  const { minLotAreaM2, ...rest } = limits;
  const rule: ZoningRule = {
    id: `ozfs:${zoneCode}`,
    zoneCode,
    condition: { minLotAreaM2: minLotAreaM2 ?? null, maxLotAreaM2: null, minStreetWidthM: null },
    limits: {
      maxDensityPct: null,
      maxCoveragePct: null,
      maxFloors: null,
      maxHeightM: null,
      maxUnits: null,
      minOpenSpacePerUnitM2: null,
      setbacks: null,
      allowedUses,
      ...rest,
    },
    notes: [{ en: `From OZFS ${base.file} (${name ?? zoneCode}), last updated ${String(doc.last_updated)}` }],
  };
  return { ...result, rule, notes: [...new Set(notes)] };
}
