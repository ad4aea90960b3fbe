import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';
import { Name, NullableTimestamp, Timestamp } from './schema-common.js';

export const API_CLIENT_KINDS = ['bank', 'notary', 'utility', 'agency'] as const;
export const API_SCOPES = ['inquiries', 'payments'] as const;

export const ApiClient = Type.Object({
  id: Uuid,
  clientId: Type.String({ description: 'The OAuth2 client_id' }),
  name: Type.String(),
  kind: Type.String(),
  scopes: Type.Array(Type.String()),
  secretVersion: Type.Integer({ description: 'Goes up by one at every rotation' }),
  createdAt: Timestamp,
  rotatedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
  lastUsedAt: NullableTimestamp,
});

export const ApiClientWithSecret = Type.Object({
  client: ApiClient,
  clientSecret: Type.String({ description: 'Shown this once only: store it now. Only its hash is kept.' }),
});

export const ApiClientCreate = Type.Object(
  {
    name: Name,
    kind: Type.Enum(API_CLIENT_KINDS),
    scopes: Type.Array(Type.Enum(API_SCOPES), {
      minItems: 1,
      maxItems: API_SCOPES.length,
      default: ['inquiries'],
    }),
  },
  { additionalProperties: false },
);
