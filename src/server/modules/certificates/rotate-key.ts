import type { Db } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { CertificateKeyring } from './keyring.js';
import { findMunicipality } from './repository.js';

/**
 * Rotates a municipality's signing key: the current key is retired (still published, so what it signed still
 * verifies) and a new key signs from now on. Audited.
 */
export async function rotateSigningKey(
  db: Db,
  keyring: CertificateKeyring,
  input: { municipalityId: string; actor: Actor; at: Date },
) {
  return db.transaction().execute(async (trx) => {
    const municipality = await findMunicipality(trx, input.municipalityId);
    if (!municipality) throw notFound('municipality');
    const result = await keyring.rotate(trx, municipality, input.at, input.actor.userId);
    await recordAudit(
      trx,
      input.actor,
      { action: 'certificate.key_rotated', entityType: 'signing_key', entityId: result.kid, details: result },
      input.at,
    );
    return result;
  });
}
