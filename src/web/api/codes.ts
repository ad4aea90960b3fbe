/** Codes the API sends that the UI shows translated: each `group.code` is a key in the catalogues. */
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
export const STAFF_ROLES = [
  'clerk',
  'expert',
  'inspector',
  'district_manager',
  'finance',
  'oversight',
  'admin',
] as const;
export const DISTRICT_ROLES: ReadonlySet<string> = new Set([
  'clerk',
  'expert',
  'inspector',
  'district_manager',
]);
export const OFFICE_KINDS = ['notary', 'counter', 'e_service', 'kiosk', 'bank'] as const;
export const API_CLIENT_KINDS = ['bank', 'notary', 'utility', 'agency'] as const;
export const API_SCOPES = ['inquiries', 'payments'] as const;
export const OWNER_KINDS = ['person', 'legal'] as const;

export const OVERLAY_TYPES = ['street_widening', 'heritage', 'protected', 'flood', 'fault', 'other'] as const;
export const FEE_ITEMS = [
  'building_permit',
  'basement_parking',
  'excess_density',
  'minimum_fee_topup',
] as const;
export const BUILDING_CHECKS = [
  'rule_selection',
  'use',
  'street_width',
  'density',
  'coverage',
  'floors',
  'units',
  'open_space',
] as const;

export const CODE_GROUPS = {
  landUse: LAND_USES,
  roles: [...STAFF_ROLES, 'citizen', 'office_operator'],
  officeKinds: OFFICE_KINDS,
  apiClientKinds: API_CLIENT_KINDS,
  scopes: API_SCOPES,
  ownerKinds: OWNER_KINDS,
  overlayTypes: OVERLAY_TYPES,
  feeItems: FEE_ITEMS,
  buildingChecks: BUILDING_CHECKS,
} as const;
export type CodeGroup = keyof typeof CODE_GROUPS;
