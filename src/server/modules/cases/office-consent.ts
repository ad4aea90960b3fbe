import { normalizeMobile, normalizeNationalId } from '../../../shared/identifiers/index.js';
import type { AppDeps, Clock } from '../../app-deps.js';
import type { Db } from '../../db/schema.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import type { OfficePrincipal } from '../../http/principal.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { listParcelsOwnedBy } from '../parcels/repository.js';
import { checkConsentCode } from './consent.js';
import {
  districtsWhereLive,
  findOfficeConsent,
  insertOfficeConsent,
  markOfficeConsentUsed,
} from './consent-repository.js';
import { findServiceByCode } from './service-repository.js';

/** How long a recorded consent lets the office pick a parcel and file: one sitting at the counter. */
export const OFFICE_CONSENT_TTL_MS = 30 * 60_000;

/** How the citizen consented: the code texted to them, or their ID document checked in person by the operator. */
export type ConsentProof =
  | { method: 'otp'; challengeId: string; code: string }
  | { method: 'in_person'; idDocumentChecked: boolean };

export interface RecordConsentInput {
  principal: OfficePrincipal;
  actor: Actor;
  nationalId: string;
  mobile: string;
  serviceCode: string;
  proof: ConsentProof;
}

/**
 * Records that a citizen consented to this office filing `serviceCode` for them; audited with office and operator.
 * A wrong code is refused after its attempt is counted (committed), so codes cannot be guessed without limit.
 */
export async function recordOfficeConsent(deps: Pick<AppDeps, 'db' | 'clock'>, input: RecordConsentInput) {
  const { principal } = input;
  const nationalId = normalizeNationalId(input.nationalId);
  if (!nationalId) throw invalidField('nationalId', 'national_id');
  const mobile = normalizeMobile(input.mobile);
  if (!mobile) throw invalidField('mobile', 'mobile');
  if (input.proof.method === 'in_person' && input.proof.idDocumentChecked !== true)
    throw new AppError('consent_required');
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const service = await findServiceByCode(trx, principal.municipalityId, input.serviceCode);
    if (!service?.is_active) throw notFound('service');
    if (input.proof.method === 'otp') {
      const checked = await checkConsentCode(trx, deps.clock, {
        municipalityId: principal.municipalityId,
        nationalId,
        mobile,
        challengeId: input.proof.challengeId,
        code: input.proof.code,
      });
      if (checked === 'wrong_code') return null;
    }
    const at = deps.clock.now();
    const consent = await insertOfficeConsent(trx, {
      municipalityId: principal.municipalityId,
      officeId: principal.officeId,
      operatorUserId: principal.userId,
      nationalId,
      mobile,
      serviceCode: service.code,
      method: input.proof.method,
      at,
      expiresAt: new Date(at.getTime() + OFFICE_CONSENT_TTL_MS),
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'case.consent_recorded',
        entityType: 'office_consent',
        entityId: consent.id,
        details: { applicant: nationalId, service: service.code, method: input.proof.method },
      },
      at,
    );
    return { consentId: consent.id, expiresAt: consent.expires_at, method: input.proof.method };
  });
  if (outcome === null) throw new AppError('otp_invalid');
  return outcome;
}

/** The office's consent if it may still be used: its own, not used, not expired; 404 or 403 otherwise. */
async function usableConsent(
  db: Db,
  clock: Clock,
  principal: OfficePrincipal,
  consentId: string,
  options: { lock?: boolean } = {},
) {
  const consent = await findOfficeConsent(db, principal, consentId, options);
  if (!consent) throw notFound('consent');
  if (consent.used_at !== null || consent.expires_at <= clock.now()) throw new AppError('consent_required');
  return consent;
}

/**
 * The parcels of the citizen who consented, for the office to pick one: only with a usable consent of this
 * office, and each marked with whether the consented service is live in its district.
 */
export async function listConsentedParcels(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: { principal: OfficePrincipal; consentId: string },
) {
  const consent = await usableConsent(deps.db, deps.clock, input.principal, input.consentId);
  const service = await findServiceByCode(deps.db, consent.municipality_id, consent.service_code);
  if (!service) throw notFound('service');
  const parcels = await listParcelsOwnedBy(deps.db, consent.municipality_id, consent.national_id);
  const live = await districtsWhereLive(deps.db, service.id, [...new Set(parcels.map((p) => p.district_id))]);
  return {
    consent,
    parcels: parcels.map((parcel) => ({ ...parcel, service_live: live.has(parcel.district_id) })),
  };
}

/**
 * Uses a consent to file one case (inside the filing's transaction): it must be this office's, unused, unexpired,
 * for this service, and, when the filing names the applicant, for that citizen. Returns who consented and how.
 */
export async function takeOfficeConsent(
  trx: Db,
  clock: Clock,
  input: {
    principal: OfficePrincipal;
    consentId: string;
    serviceCode: string;
    applicant?: { nationalId: string; mobile: string };
  },
) {
  const consent = await usableConsent(trx, clock, input.principal, input.consentId, { lock: true });
  const sameApplicant =
    !input.applicant ||
    (normalizeNationalId(input.applicant.nationalId) === consent.national_id &&
      normalizeMobile(input.applicant.mobile) === consent.mobile);
  if (consent.service_code !== input.serviceCode || !sameApplicant) throw new AppError('consent_required');
  return {
    nationalId: consent.national_id,
    mobile: consent.mobile,
    method: consent.method,
    markUsed: (caseId: string, at: Date) => markOfficeConsentUsed(trx, consent.id, caseId, at),
  };
}
