import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProposal } from './check-proposal.js';
import { convertOzfsText, listOzfsDistricts, type OzfsConversion } from './ozfs.js';
import { parseJson5Leniently } from './ozfs-parse.js';
import { makeRuleSet } from './test-support.js';

// The Open Zoning Feed Specification files for Minneapolis (CC0), as shared with the project.
const DIR = process.env.OZFS_RULES_DIR ?? 'test/fixtures/gis/zoning-minneapolis/ozfs_rules';
const files = fs.existsSync(DIR)
  ? fs
      .readdirSync(DIR)
      .filter((f) => /\.json5?$/.test(f))
      .sort()
  : [];
const convert = (file: string, context = {}) =>
  convertOzfsText(file, fs.readFileSync(path.join(DIR, file), 'utf8'), context);
const byFile = new Map<string, OzfsConversion>(files.map((file) => [file, convert(file)]));

describe('OZFS conversion of every Minneapolis file', () => {
  it('reads all 19 files without throwing; only one is beyond repair', () => {
    expect(files).toHaveLength(19);
    const unreadable = [...byFile.values()].filter((c) => c.kind === 'unreadable').map((c) => c.file);
    expect(unreadable).toEqual(['Minneapolis_superDistrict_0.0.9_07212022.json5']);
    expect(byFile.get(unreadable[0])?.notes[0]).toMatch(/^not readable even after repairs/);
  });

  it('maps what is unconditional: height, stories, coverage and setbacks of BFI1', () => {
    const bfi1 = byFile.get('Minneapolis_BFI1_v0.1.json5')!;
    expect(bfi1.rule?.limits).toMatchObject({
      maxHeightM: 10.06, // 33 ft to the roof
      maxFloors: 2.5,
      maxCoveragePct: 45,
      setbacks: { kind: 'metres', frontM: 6.1, rearM: 1.83, sideM: 1.52, cornerSideM: 2.44 },
      maxDensityPct: null,
    });
    expect(bfi1.notes).toContain('wall height at most 28 ft (8.53 m)');
    expect(bfi1.notes.some((n) => n.startsWith('FAR varies'))).toBe(true);
  });

  it('maps a residential district’s uses and minimum lot (R1A: 5,000 sq ft = 464.52 m²)', () => {
    const r1a = byFile.get('Minneapolis_R1A_v0.1.json5')!;
    expect(r1a.rule?.condition.minLotAreaM2).toBe(464.52);
    expect(r1a.rule?.limits.allowedUses).toEqual(['residential']);
    expect(r1a.repairs).toEqual(['line 31: inserted a missing comma', 'line 40: inserted a missing comma']);
    expect(r1a.notes).toContain('conditional uses not in allowedUses: cluster development');
  });

  it('resolves values that depend on the building type when given a context', () => {
    const bfi3 = convert('Minneapolis_BFI3_0.0.9_07212022.json5', {
      bulk: 'three-family',
      districtType: 'Residential',
    });
    expect(bfi3.rule?.limits).toMatchObject({
      maxDensityPct: 70,
      maxFloors: 3,
      maxHeightM: 12.8,
      maxCoveragePct: 60,
    });
    const noContext = byFile.get('Minneapolis_BFI3_0.0.9_07212022.json5')!;
    expect(noContext.rule?.limits.maxDensityPct).toBeNull();
  });

  it('flags a file whose content names another district than its file name', () => {
    const or2 = byFile.get('Minneapolis_OR2_incomplete_v0.0.9_LR.json5')!;
    expect(or2.zoneCode).toBe('R2B');
    expect(or2.notes).toContain('the file name does not mention R2B: check the district identifier');
  });

  it('reads the municipality file as a list of districts that includes the converted ones', () => {
    const municipality = byFile.get('Minneapolis_municipality_file.json')!;
    expect(municipality.kind).toBe('municipality');
    const listed = new Set(municipality.districts.map((d) => d.code));
    for (const code of ['BFI1', 'BFI2', 'BFI3', 'R1A', 'R2B', 'R3', 'R4', 'R5', 'R6', 'SH']) {
      expect(listed.has(code), code).toBe(true);
    }
    expect(listOzfsDistricts({})).toEqual([]);
  });

  it('produces rules the engine can check a proposal against', () => {
    const bfi1 = byFile.get('Minneapolis_BFI1_v0.1.json5')!.rule!;
    const ruleSet = makeRuleSet([bfi1], 'minneapolis-ozfs');
    const parcel = { zoneCode: 'BFI1', landAreaM2: 600, streetWidthM: 10, landUse: 'residential' as const };
    const proposal = { floors: 3, floorAreaM2: 270, units: 3, use: 'residential' as const };
    const result = checkProposal({ ruleSet, parcel, proposal });
    expect(result.checks.map((c) => [c.rule, c.passed])).toEqual([
      ['coverage', true], // 270 m² of 45 % × 600 m² = 270 m²
      ['floors', false], // 3 > 2.5
    ]);
  });
});

describe('parseJson5Leniently', () => {
  it('repairs missing commas, bare words and a stray quote, and reports each repair', () => {
    const text = '{\n  "a": [x-y, z]\n  "b": [{"c": 1}\n  {"c": 2}],\n  "d": "e",\n  "\n}';
    expect(parseJson5Leniently(text)).toEqual({
      value: { a: ['x-y', 'z'], b: [{ c: 1 }, { c: 2 }], d: 'e' },
      repairs: [
        'line 2: quoted the bare word x-y',
        'line 2: quoted the bare word z',
        'line 2: inserted a missing comma',
        'line 3: inserted a missing comma',
        'line 6: removed a stray quote',
      ],
    });
  });

  it('removes a "}" that closes the file before its last keys', () => {
    const parsed = parseJson5Leniently('{\n  "a": {"x": 1},\n}\n"b": 2\n}');
    expect(parsed).toEqual({ value: { a: { x: 1 }, b: 2 }, repairs: ['line 3: removed an extra "}"'] });
  });

  it('gives up with the parser’s message on an error it cannot repair', () => {
    const parsed = parseJson5Leniently('{"a": }');
    expect(parsed).toMatchObject({ value: undefined, error: expect.stringContaining('invalid character') });
  });
});
