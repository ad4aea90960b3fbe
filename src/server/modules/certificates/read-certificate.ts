import { normalizeCertificateNumber } from '../../../shared/certificates/index.js';
import type { Db } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import type { Locale } from '../../i18n/messages.js';
import { isParcelOwnedBy } from '../parcels/repository.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import type { CertificateContent } from './content.js';
import { mayReadCertificate } from './policies.js';
import { findCertificateInMunicipality, findMunicipality } from './repository.js';

/** A certificate for someone who may read it in full; 404 for anyone else, as if it did not exist. */
export async function readCertificate(db: Db, principal: Principal, rawNumber: string) {
  const number = normalizeCertificateNumber(rawNumber);
  const row = number ? await findCertificateInMunicipality(db, principal.municipalityId, number) : undefined;
  if (!row) throw notFound('certificate');
  const ownsNow =
    principal.kind === 'citizen' &&
    (await isParcelOwnedBy(db, principal.municipalityId, row.parcel_id, principal.nationalId));
  if (!mayReadCertificate(principal, row, ownsNow)) throw notFound('certificate');
  return row;
}

/** The certificate's PDF in a language, for someone who may read it. */
export async function certificatePdf(
  db: Db,
  input: { principal: Principal; number: string; lang: Locale; verifyUrl: string },
) {
  const row = await readCertificate(db, input.principal, input.number);
  const municipality = await findMunicipality(db, row.municipality_id);
  const pdf = await renderCertificatePdf(
    {
      content: row.content as CertificateContent,
      token: row.token,
      timeZone: municipality?.timezone ?? 'Asia/Tehran',
      revokedAt: row.revoked_at,
      verifyUrl: input.verifyUrl,
    },
    input.lang,
  );
  return { number: row.number, pdf };
}
