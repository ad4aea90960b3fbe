import type { AppDeps } from '../../app-deps.js';
import { AppError, notFound } from '../../http/errors.js';
import type { CitizenPrincipal } from '../../http/principal.js';
import type { Actor } from '../audit/actor.js';
import { type CertificateKeyring, issueCertificate } from '../certificates/index.js';
import { whatParcelOwes } from '../dues/parcel-debts.js';
import { isParcelOwnedBy } from '../parcels/repository.js';
import { clearanceFindings } from './findings.js';
import { municipalityDay, validUntilAfterMonths } from './parcel-record.js';
import { findParcelByRenewalCode, findParcelForInquiry } from './repository.js';
import { settingsInForce } from './rules/settings.js';
import { listSettingsVersions } from './settings-repository.js';

/**
 * A clearance certificate (مفاصا حساب) for a parcel its owner names: issued at once, in one transaction, when the
 * parcel owes nothing today (`whatParcelOwes`); otherwise 409 `parcel_owes` listing what is owed, bill by bill.
 * Valid for the months the inquiry settings in force give clearances.
 */
export async function requestClearance(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  keyring: CertificateKeyring,
  input: { principal: CitizenPrincipal; actor: Actor; parcelId?: string; renewalCode?: string },
) {
  const { principal } = input;
  const municipalityId = principal.municipalityId;
  return deps.db.transaction().execute(async (trx) => {
    const parcel = input.parcelId
      ? await findParcelForInquiry(trx, municipalityId, input.parcelId)
      : await findParcelByRenewalCode(trx, municipalityId, (input.renewalCode ?? '').trim());
    if (!parcel || !(await isParcelOwnedBy(trx, municipalityId, parcel.id, principal.nationalId)))
      throw notFound('parcel');
    const at = deps.clock.now();
    const debts = await whatParcelOwes(trx, { municipalityId, parcelId: parcel.id, asOf: at });
    if (debts.totalRials > 0n)
      throw new AppError(
        'parcel_owes',
        {
          totalRials: debts.totalRials.toString(),
          items: debts.items.map((item) => ({
            kind: item.kind,
            year: item.year,
            billId: item.billId,
            paymentId: item.paymentId,
            billRecordId: item.billRecordId,
            payableRials: item.payableRials.toString(),
          })),
        },
        { totalText: debts.totalRials.toLocaleString('en-US') },
      );
    const { today, timeZone } = await municipalityDay(trx, municipalityId, at);
    const settings = settingsInForce(await listSettingsVersions(trx, municipalityId), today);
    if (!settings) throw new AppError('inquiry_settings_missing');
    return issueCertificate(trx, keyring, {
      kind: 'clearance',
      municipalityId,
      parcelId: parcel.id,
      findings: clearanceFindings(),
      outcome: 'no_objection',
      issuedAt: at,
      validUntil: validUntilAfterMonths(today, settings.clearanceValidityMonths, timeZone),
      requester: { kind: 'citizen', name: principal.fullName, userId: principal.userId },
      actor: input.actor,
    });
  });
}
