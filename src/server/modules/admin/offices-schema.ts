import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';
import { Name, NullableTimestamp, NullableUuid, Password, Timestamp, Username } from './schema-common.js';

export const OFFICE_KINDS = ['notary', 'counter', 'e_service', 'kiosk', 'bank'] as const;

export const Office = Type.Object({
  id: Uuid,
  kind: Type.String(),
  name: Type.String(),
  licenseNo: Type.String(),
  districtId: NullableUuid,
  isActive: Type.Boolean(),
  operatorCount: Type.Integer(),
  createdAt: Timestamp,
});

export const OfficeCreate = Type.Object(
  {
    kind: Type.Enum(OFFICE_KINDS),
    name: Name,
    licenseNo: Type.String({
      minLength: 1,
      maxLength: 50,
      description: 'Licence (permit) number, unique in the municipality',
    }),
    districtId: Type.Optional(NullableUuid),
  },
  { additionalProperties: false },
);

export const OfficeUpdate = Type.Object(
  {
    name: Type.Optional(Name),
    isActive: Type.Optional(
      Type.Boolean({ description: 'false ends the sessions of all the office’s operators' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Operator = Type.Object({
  id: Uuid,
  username: Type.String(),
  fullName: Type.String(),
  officeId: Uuid,
  isActive: Type.Boolean(),
  lockedUntil: NullableTimestamp,
  lastLoginAt: NullableTimestamp,
  createdAt: Timestamp,
});

export const OperatorCreate = Type.Object(
  { username: Username, fullName: Name, password: Password },
  { additionalProperties: false },
);
