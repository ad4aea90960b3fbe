function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export function presentMunicipality(
  row: { id: string; code: string; name_fa: string; name_en: string; name_vi: string; timezone: string },
  counts: {
    districts: number;
    staff: number;
    offices: number;
    apiClients: number;
    parcels: number;
    citizens: number;
  },
) {
  return {
    id: row.id,
    code: row.code,
    nameFa: row.name_fa,
    nameEn: row.name_en,
    nameVi: row.name_vi,
    timezone: row.timezone,
    counts,
  };
}

export function presentDistrict(row: {
  id: string;
  number: number;
  name_fa: string;
  name_en: string;
  name_vi: string;
  parcel_count: string | number | null;
  staff_count: string | number | null;
  created_at: Date;
  updated_at: Date;
}) {
  return {
    id: row.id,
    number: row.number,
    nameFa: row.name_fa,
    nameEn: row.name_en,
    nameVi: row.name_vi,
    parcelCount: Number(row.parcel_count ?? 0),
    staffCount: Number(row.staff_count ?? 0),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

interface UserRow {
  id: string;
  username: string | null;
  full_name: string;
  roles: string[];
  district_id: string | null;
  office_id: string | null;
  is_active: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
}

/** A staff account as administrators see it: no password hash, ever. */
export function presentStaff(row: UserRow) {
  return {
    id: row.id,
    username: row.username ?? '',
    fullName: row.full_name,
    roles: row.roles,
    districtId: row.district_id,
    isActive: row.is_active,
    lockedUntil: iso(row.locked_until),
    lastLoginAt: iso(row.last_login_at),
    createdAt: row.created_at.toISOString(),
  };
}

export function presentOperator(row: UserRow) {
  return {
    id: row.id,
    username: row.username ?? '',
    fullName: row.full_name,
    officeId: row.office_id ?? '',
    isActive: row.is_active,
    lockedUntil: iso(row.locked_until),
    lastLoginAt: iso(row.last_login_at),
    createdAt: row.created_at.toISOString(),
  };
}

export function presentOffice(row: {
  id: string;
  kind: string;
  name: string;
  license_no: string;
  district_id: string | null;
  is_active: boolean;
  operator_count: string | number | null;
  created_at: Date;
}) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    licenseNo: row.license_no,
    districtId: row.district_id,
    isActive: row.is_active,
    operatorCount: Number(row.operator_count ?? 0),
    createdAt: row.created_at.toISOString(),
  };
}

/** An API client as administrators see it: never its secret or the secret's hash. */
export function presentApiClient(row: {
  id: string;
  client_id: string;
  name: string;
  kind: string;
  scopes: string[];
  secret_version: number;
  created_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}) {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    kind: row.kind,
    scopes: row.scopes,
    secretVersion: row.secret_version,
    createdAt: row.created_at.toISOString(),
    rotatedAt: iso(row.rotated_at),
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  };
}
