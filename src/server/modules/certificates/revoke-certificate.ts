import { normalizeCertificateNumber } from '../../../shared/certificates/index.js';
import type { Db } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { StaffPrincipal } from '../../http/principal.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { staffMaySeeDistrict } from '../parcels/policies.js';
import { mayRevokeCertificate } from './policies.js';
import { lockCertificate, markRevoked } from './repository.js';

/**
 * Revokes a certificate with a reason: the district manager of its district, or an administrator. Verification
 * answers «revoked» from then on; the signed paper still verifies offline, which is why the verification page
 * always asks the register when it can.
 */
export async function revokeCertificate(
  db: Db,
  input: { staff: StaffPrincipal; actor: Actor; number: string; reason: string; at: Date },
) {
  const number = normalizeCertificateNumber(input.number);
  if (!number) throw notFound('certificate');
  return db.transaction().execute(async (trx) => {
    const row = await lockCertificate(trx, input.staff.municipalityId, number);
    if (!row || !staffMaySeeDistrict(input.staff, row.district_id)) throw notFound('certificate');
    if (!mayRevokeCertificate(input.staff, row)) throw new AppError('forbidden');
    if (row.status === 'revoked') throw new AppError('certificate_already_revoked');
    const revoked = await markRevoked(trx, {
      municipalityId: row.municipality_id,
      id: row.id,
      at: input.at,
      userId: input.staff.userId,
      reason: input.reason,
    });
    if (!revoked) throw new AppError('certificate_already_revoked');
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'certificate.revoked',
        entityType: 'certificate',
        entityId: number,
        details: { reason: input.reason, kind: row.kind, parcelId: row.parcel_id },
      },
      input.at,
    );
    return revoked;
  });
}
