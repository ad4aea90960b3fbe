import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';
import { Name } from './schema-common.js';

export const MunicipalityOverview = Type.Object({
  id: Uuid,
  code: Type.String(),
  nameFa: Type.String(),
  nameEn: Type.String(),
  nameVi: Type.String(),
  timezone: Type.String({ description: 'IANA time zone, e.g. Asia/Tehran' }),
  counts: Type.Object({
    districts: Type.Integer(),
    staff: Type.Integer(),
    offices: Type.Integer(),
    apiClients: Type.Integer(),
    parcels: Type.Integer(),
    citizens: Type.Integer({ description: 'Citizens who have signed in at least once' }),
  }),
});

export const MunicipalityUpdate = Type.Object(
  {
    nameFa: Type.Optional(Name),
    nameEn: Type.Optional(Name),
    nameVi: Type.Optional(Name),
    timezone: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Tehran' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
