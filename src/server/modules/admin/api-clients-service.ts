import { randomBytes } from 'node:crypto';
import type { ApiClientKind, Db } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { StaffPrincipal } from '../../http/principal.js';
import { hashClientSecret, newClientSecret } from '../accounts/access-tokens.js';
import { recordAudit } from '../audit/record-audit.js';
import { type AdminContext, requiredText } from './context.js';
import {
  findApiClient,
  insertApiClient,
  listApiClients,
  markApiClientRevoked,
  replaceApiClientSecret,
} from './repository-api-clients.js';
import { orDuplicate } from './unique-violation.js';

export type ApiScope = 'inquiries' | 'payments';

async function apiClient(db: Db, municipalityId: string, id: string) {
  const row = await findApiClient(db, municipalityId, id);
  if (!row) throw notFound('api_client');
  return row;
}

export function listMunicipalityApiClients(db: Db, input: { viewer: StaffPrincipal }) {
  return listApiClients(db, input.viewer.municipalityId);
}

/**
 * Registers an institution's system (a bank, notary, utility or agency). The client secret is returned once,
 * here, and only its hash is stored.
 */
export async function createApiClient(
  db: Db,
  input: AdminContext & { name: string; kind: ApiClientKind; scopes: ApiScope[] },
) {
  const name = requiredText('name', input.name);
  const scopes = [...new Set(input.scopes)];
  const clientSecret = newClientSecret();
  const clientId = `${input.kind}-${randomBytes(4).toString('hex')}`;
  return db.transaction().execute(async (trx) => {
    const client = await orDuplicate(
      'clientId',
      insertApiClient(trx, {
        municipality_id: input.admin.municipalityId,
        client_id: clientId,
        name,
        kind: input.kind,
        scopes,
        secret_hash: hashClientSecret(clientSecret),
        created_at: input.at,
      }),
    );
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.api_client_created',
        entityType: 'api_client',
        entityId: client.id,
        details: { clientId, name, kind: input.kind, scopes },
      },
      input.at,
    );
    return { client, clientSecret };
  });
}

/** Issues a new secret; tokens issued under the old one stop working at once. A revoked client cannot be rotated. */
export async function rotateApiClientSecret(db: Db, input: AdminContext & { apiClientId: string }) {
  const municipalityId = input.admin.municipalityId;
  const clientSecret = newClientSecret();
  return db.transaction().execute(async (trx) => {
    const before = await apiClient(trx, municipalityId, input.apiClientId);
    if (before.revoked_at) throw new AppError('api_client_revoked');
    const client = await replaceApiClientSecret(
      trx,
      municipalityId,
      input.apiClientId,
      hashClientSecret(clientSecret),
      input.at,
    );
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.api_client_secret_rotated',
        entityType: 'api_client',
        entityId: client.id,
        details: { clientId: client.client_id, secretVersion: client.secret_version },
      },
      input.at,
    );
    return { client, clientSecret };
  });
}

/** Revokes a client for good: it can get no new token and its tokens stop working. Revoking twice changes nothing. */
export async function revokeApiClient(db: Db, input: AdminContext & { apiClientId: string }) {
  const municipalityId = input.admin.municipalityId;
  return db.transaction().execute(async (trx) => {
    const before = await apiClient(trx, municipalityId, input.apiClientId);
    if (before.revoked_at) return before;
    const client = await markApiClientRevoked(trx, municipalityId, input.apiClientId, input.at);
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'admin.api_client_revoked',
        entityType: 'api_client',
        entityId: client.id,
        details: { clientId: client.client_id },
      },
      input.at,
    );
    return client;
  });
}
