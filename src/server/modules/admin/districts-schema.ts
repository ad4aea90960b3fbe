import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';
import { Name, Timestamp } from './schema-common.js';

export const District = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  nameFa: Type.String(),
  nameEn: Type.String(),
  nameVi: Type.String(),
  parcelCount: Type.Integer(),
  staffCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const DistrictCreate = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 99, description: 'The district number (منطقه), 1-99' }),
    nameFa: Name,
    nameEn: Name,
    nameVi: Name,
  },
  { additionalProperties: false },
);

export const DistrictUpdate = Type.Object(
  { nameFa: Type.Optional(Name), nameEn: Type.Optional(Name), nameVi: Type.Optional(Name) },
  { additionalProperties: false, minProperties: 1 },
);
