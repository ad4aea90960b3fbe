import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';

export const tags = ['admin'];

export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const NullableUuid = Type.Union([Type.Null(), Uuid]);
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Type.Null(), Timestamp]);

/** `:id` in an administration path. */
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const Username = Type.String({
  pattern: '^[a-zA-Z0-9._-]{3,50}$',
  description: 'Letters, digits, dot, dash, underscore; 3-50',
});
export const Password = Type.String({ minLength: 1, maxLength: 200, description: 'At least 10 characters' });
