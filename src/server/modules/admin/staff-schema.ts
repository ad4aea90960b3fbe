import { Type } from 'typebox';
import { STAFF_ROLES } from '../../http/principal.js';
import { Uuid } from '../../http/schemas.js';
import { Name, NullableTimestamp, NullableUuid, Password, Timestamp, Username } from './schema-common.js';

const Role = Type.Enum(STAFF_ROLES);
const Roles = Type.Array(Role, {
  minItems: 1,
  maxItems: STAFF_ROLES.length,
  description: 'clerk, expert, inspector and district_manager work in one district and need districtId',
});

export const StaffMember = Type.Object({
  id: Uuid,
  username: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(Type.String()),
  districtId: NullableUuid,
  isActive: Type.Boolean(),
  lockedUntil: NullableTimestamp,
  lastLoginAt: NullableTimestamp,
  createdAt: Timestamp,
});

export const StaffSearchQuery = Type.Object(
  {
    districtId: Type.Optional(Uuid),
    role: Type.Optional(Role),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the username or full name' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const StaffCreate = Type.Object(
  {
    username: Username,
    fullName: Name,
    password: Password,
    roles: Roles,
    districtId: Type.Optional(NullableUuid),
  },
  { additionalProperties: false },
);

export const StaffUpdate = Type.Object(
  {
    fullName: Type.Optional(Name),
    roles: Type.Optional(Roles),
    districtId: Type.Optional(NullableUuid),
    isActive: Type.Optional(
      Type.Boolean({ description: 'false ends all the user’s sessions and stops them signing in' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PasswordSet = Type.Object({ password: Password }, { additionalProperties: false });
