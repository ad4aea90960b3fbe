// How the map draws zones and overlays; shared by the map and its legend so that both always agree.

export type ZoneFamily = 'residential' | 'mixed' | 'commercial' | 'green' | 'other';
export const ZONE_FAMILIES: readonly ZoneFamily[] = ['residential', 'mixed', 'commercial', 'green', 'other'];

// Iranian detailed plans colour residential yellow to orange, commercial red, green space green.
const PALETTES: Record<ZoneFamily, readonly string[]> = {
  residential: ['#fff3b0', '#ffe066', '#ffc94d', '#ffa94d', '#ff8c42', '#f76707'],
  mixed: ['#e8c7a8', '#d9a679', '#c08552'],
  commercial: ['#ffa8a8', '#ff6b6b', '#e03131'],
  green: ['#b2f2bb', '#69db7c', '#2f9e44'],
  other: ['#dee2e6', '#ced4da', '#adb5bd'],
};

export function zoneFamilyOf(code: string): ZoneFamily {
  switch (code.trim().charAt(0).toUpperCase()) {
    case 'R':
      return 'residential';
    case 'M':
      return 'mixed';
    case 'S':
      return 'commercial';
    case 'G':
      return 'green';
    default:
      return 'other';
  }
}

/**
 * The colour of a zone code: its family's hue, darker for denser sub-zones. Tehran codes read R1·· with the second
 * digit the density class and the third the sub-class (R111 < R112 < R121 < R122), so those two digits pick the shade.
 */
export function zoneColour(code: string): string {
  const palette = PALETTES[zoneFamilyOf(code)];
  const digits = code.replace(/\D/g, '');
  const shade = digits.length >= 3 ? (Number(digits[1]) - 1) * 2 + (Number(digits[2]) - 1) : 0;
  return palette[Math.min(Math.max(Number.isFinite(shade) ? shade : 0, 0), palette.length - 1)];
}

export function familyColour(family: ZoneFamily): string {
  const palette = PALETTES[family];
  return palette[Math.floor(palette.length / 2)];
}

export interface OverlayStyle {
  colour: string;
  /** SVG dash pattern of the outline; undefined for a solid line. */
  dash?: string;
  /** Angle of the hatching lines, so that two overlapping overlays stay distinguishable. */
  angle: number;
}

export const OVERLAY_STYLES: Record<string, OverlayStyle> = {
  street_widening: { colour: '#c92a2a', angle: 45, dash: '6 4' },
  heritage: { colour: '#862e9c', angle: -45 },
  protected: { colour: '#2b8a3e', angle: 0, dash: '2 4' },
  flood: { colour: '#1864ab', angle: 90 },
  fault: { colour: '#212529', angle: 30, dash: '10 4 2 4' },
  other: { colour: '#495057', angle: -30, dash: '4 4' },
};

export function overlayStyleOf(type: string): OverlayStyle {
  return OVERLAY_STYLES[type] ?? OVERLAY_STYLES.other;
}

/** The id of the SVG pattern that hatches an overlay type (defined once by `<MapPatterns />`). */
export function hatchPatternId(type: string): string {
  return `sv-hatch-${type in OVERLAY_STYLES ? type : 'other'}`;
}

export const PARCEL_STROKE = '#343a40';
export const SELECTED_STROKE = '#0b7285';
