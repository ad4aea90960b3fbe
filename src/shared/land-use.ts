/** Land-use codes (کاربری) of parcels and of what a zone allows, as used in municipal tariffs. */
export const LAND_USES = [
  'residential',
  'commercial',
  'mixed',
  'office',
  'educational',
  'health',
  'green',
  'industrial',
  'religious',
  'parking',
] as const;
export type LandUse = (typeof LAND_USES)[number];
