import { Type } from 'typebox';

/** The catalogue's error shape, referenced by every route's documented failure responses. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Object({}, { additionalProperties: true }),
    }),
  },
  { $id: 'ErrorResponse', description: 'Every failure has this shape' },
);

export const Uuid = Type.String({ format: 'uuid' });
export const MunicipalityCode = Type.String({
  pattern: '^[a-z0-9-]{2,40}$',
  description: 'Municipality code, e.g. "demo"',
});

/** Documented error responses, for a route's `schema.response`. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponse]));
}
