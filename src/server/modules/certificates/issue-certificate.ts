import {
  type CertificateKind,
  type CertificateOutcome,
  makeCertificateNumber,
} from '../../../shared/certificates/index.js';
import type { Db } from '../../db/schema.js';
import { invalidField, notFound } from '../../http/errors.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { listParcelOwners } from '../parcels/repository.js';
import {
  type CertificateContent,
  type CertificateFinding,
  type CertificateRequester,
  claimsOf,
  contentHash,
  type LocalizedText,
} from './content.js';
import { jalaliYearOf } from './jalali-dates.js';
import type { CertificateKeyring } from './keyring.js';
import {
  caseExists,
  findMunicipality,
  findParcelForCertificate,
  insertCertificate,
  nextCertificateSerial,
} from './repository.js';

export interface IssueCertificateInput {
  kind: CertificateKind;
  municipalityId: string;
  parcelId: string;
  /** The case the certificate answers, when there is one. */
  caseId?: string | null;
  /** What it was asked for, e.g. transfer, mortgage, utility_connection (inquiry responses). */
  purpose?: string | null;
  findings: CertificateFinding[];
  outcome: CertificateOutcome;
  /** The conditions of a conditional answer or the grounds of a refusal; required unless no objection. */
  reasons?: LocalizedText[];
  issuedAt: Date;
  validUntil: Date;
  /** Who asked for it: they may download it later. */
  requester?: CertificateRequester | null;
  /** Who issues it, as the audit log records it (a staff member, or the system for automatic issuance). */
  actor: Actor;
}

/**
 * Issues a certificate inside the caller's transaction: snapshots the parcel and its owners, numbers the
 * certificate (per municipality and Jalali year), signs its claims with the municipality's current Ed25519 key,
 * stores it and audits it. Nothing is stored unless the caller's transaction commits.
 */
export async function issueCertificate(trx: Db, keyring: CertificateKeyring, input: IssueCertificateInput) {
  const reasons = input.reasons ?? [];
  if (input.validUntil.getTime() <= input.issuedAt.getTime()) throw invalidField('validUntil', 'after_issue');
  if (input.outcome !== 'no_objection' && reasons.length === 0) throw invalidField('reasons', 'required');
  const municipality = await findMunicipality(trx, input.municipalityId);
  if (!municipality) throw notFound('municipality');
  const parcel = await findParcelForCertificate(trx, input.municipalityId, input.parcelId);
  if (!parcel) throw notFound('parcel');
  if (input.caseId && !(await caseExists(trx, input.municipalityId, input.caseId))) throw notFound('case');
  const owners = await listParcelOwners(trx, input.municipalityId, input.parcelId);

  const key = await keyring.currentKey(trx, municipality, input.issuedAt);
  // The serial's row lock is held until the caller commits: take it as late as possible.
  const year = jalaliYearOf(input.issuedAt, municipality.timezone);
  const serial = await nextCertificateSerial(trx, municipality.id, year);
  const number = makeCertificateNumber({
    kind: input.kind,
    municipalityNumber: municipality.number,
    year,
    serial,
  });
  const content: CertificateContent = {
    v: 1,
    number,
    kind: input.kind,
    municipality: {
      code: municipality.code,
      name: { fa: municipality.name_fa, en: municipality.name_en, vi: municipality.name_vi },
    },
    parcel: {
      renewalCode: parcel.renewal_code,
      plate: {
        section: parcel.registration_section,
        main: parcel.main_plate,
        sub: parcel.sub_plates,
        unit: parcel.unit_no,
      },
      address: parcel.address,
      postalCode: parcel.postal_code,
      landAreaM2: Number(parcel.land_area_m2),
      landUse: parcel.land_use,
      district: {
        number: parcel.district_number,
        name: { fa: parcel.district_name_fa, en: parcel.district_name_en, vi: parcel.district_name_vi },
      },
    },
    owners: owners.map((owner) => ({
      kind: owner.kind,
      name: owner.name,
      nationalId: owner.national_id,
      share: { numerator: owner.share_num, denominator: owner.share_den },
    })),
    purpose: input.purpose ?? null,
    findings: input.findings,
    outcome: input.outcome,
    reasons,
    requester: input.requester ? { kind: input.requester.kind, name: input.requester.name } : null,
    caseId: input.caseId ?? null,
    issuedAt: input.issuedAt.toISOString(),
    validUntil: input.validUntil.toISOString(),
    kid: key.kid,
  };
  const hash = contentHash(content);
  const token = await keyring.sign(claimsOf(content, hash), key);
  const row = await insertCertificate(trx, {
    municipality_id: municipality.id,
    number,
    kind: input.kind,
    parcel_id: parcel.id,
    district_id: parcel.district_id,
    case_id: input.caseId ?? null,
    purpose: input.purpose ?? null,
    parcel: JSON.stringify(content.parcel),
    owners: JSON.stringify(content.owners),
    findings: JSON.stringify(content.findings),
    outcome: input.outcome,
    reasons: JSON.stringify(reasons),
    requester: input.requester ? JSON.stringify(input.requester) : null,
    requester_user_id: input.requester?.userId ?? null,
    requester_office_id: input.requester?.officeId ?? null,
    requester_api_client_id: input.requester?.apiClientId ?? null,
    issued_at: input.issuedAt,
    valid_until: input.validUntil,
    issued_by_user_id: input.actor.userId,
    signing_key_id: key.id,
    content: JSON.stringify(content),
    content_hash: hash,
    token,
  });
  await recordAudit(
    trx,
    input.actor,
    {
      action: 'certificate.issued',
      entityType: 'certificate',
      entityId: number,
      details: {
        kind: input.kind,
        parcelId: parcel.id,
        caseId: input.caseId ?? null,
        outcome: input.outcome,
        validUntil: content.validUntil,
        kid: key.kid,
        contentHash: hash,
      },
    },
    input.issuedAt,
  );
  return row;
}

export type IssuedCertificate = Awaited<ReturnType<typeof issueCertificate>>;
