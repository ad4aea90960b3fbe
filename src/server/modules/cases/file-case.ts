import { normalizeMobile, normalizeNationalId } from '../../../shared/identifiers/index.js';
import type { AppDeps } from '../../app-deps.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import type { CitizenPrincipal, OfficePrincipal } from '../../http/principal.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isParcelOwnedBy } from '../parcels/repository.js';
import { insertCaseEvent } from './case-repository.js';
import { type ConsentProof, recordOfficeConsent, takeOfficeConsent } from './office-consent.js';
import { findServiceByCode, isServiceLiveIn } from './service-repository.js';
import type { ServiceDefinition } from './workflow/types.js';
import { checkForm } from './workflow/validate-form.js';

export interface FileCaseInput {
  principal: CitizenPrincipal | OfficePrincipal;
  actor: Actor;
  serviceCode: string;
  parcelId: string;
  formData?: Record<string, unknown>;
  /** Office filings: the citizen they act for (taken from the consent when it is a recorded one). */
  applicant?: { nationalId: string; mobile: string };
  /** Office filings: a consent recorded before (`POST /api/v1/cases/consents`), or its proof given here. */
  consent?: ConsentProof | { method: 'recorded'; consentId: string };
}

/** A consent proof given with the filing is recorded first, in its own transaction, then used like any other. */
async function recordedConsentId(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: FileCaseInput,
  office: OfficePrincipal,
) {
  if (!input.consent) throw new AppError('consent_required');
  if (input.consent.method === 'recorded') return input.consent.consentId;
  if (!input.applicant) throw invalidField('applicant', 'required');
  const recorded = await recordOfficeConsent(deps, {
    principal: office,
    actor: input.actor,
    nationalId: input.applicant.nationalId,
    mobile: input.applicant.mobile,
    serviceCode: input.serviceCode,
    proof: input.consent,
  });
  return recorded.consentId;
}

/**
 * Opens a case file as a draft: a citizen for one of their own parcels, or an office for a citizen who consented
 * (a code sent to the citizen's mobile, or an in-person ID check the operator records). The service must be live
 * in the parcel's district.
 */
export async function fileCase(deps: Pick<AppDeps, 'db' | 'clock'>, input: FileCaseInput) {
  const { principal } = input;
  if (principal.kind === 'office' && input.applicant) {
    if (!normalizeNationalId(input.applicant.nationalId))
      throw invalidField('applicant.nationalId', 'national_id');
    if (!normalizeMobile(input.applicant.mobile)) throw invalidField('applicant.mobile', 'mobile');
  }
  const consentId = principal.kind === 'office' ? await recordedConsentId(deps, input, principal) : null;
  return deps.db.transaction().execute(async (trx) => {
    const consent =
      principal.kind === 'office'
        ? await takeOfficeConsent(trx, deps.clock, {
            principal,
            consentId: consentId!,
            serviceCode: input.serviceCode,
            applicant: input.applicant,
          })
        : null;
    const nationalId = consent?.nationalId ?? (principal as CitizenPrincipal).nationalId;
    const mobile = consent?.mobile ?? (principal as CitizenPrincipal).mobile;
    const service = await findServiceByCode(trx, principal.municipalityId, input.serviceCode);
    if (!service?.is_active) throw notFound('service');
    const parcel = await trx
      .selectFrom('parcels')
      .select(['id', 'district_id'])
      .where('municipality_id', '=', principal.municipalityId)
      .where('id', '=', input.parcelId)
      .executeTakeFirst();
    if (!parcel || !(await isParcelOwnedBy(trx, principal.municipalityId, parcel.id, nationalId)))
      throw notFound('parcel');
    if (!(await isServiceLiveIn(trx, service.id, parcel.district_id))) throw new AppError('service_not_live');
    const consentMethod = consent?.method ?? null;
    const def = service.definition as ServiceDefinition;
    const { errors, values } = checkForm(def.formFields, input.formData ?? {}, { partial: true });
    if (errors.length > 0)
      throw new AppError('validation_failed', {
        fields: errors.map((e) => ({ field: `formData.${e.field}`, rule: e.rule })),
      });
    const at = deps.clock.now();
    const row = await trx
      .insertInto('cases')
      .values({
        municipality_id: principal.municipalityId,
        district_id: parcel.district_id,
        service_id: service.id,
        service_version_id: service.version_id,
        parcel_id: parcel.id,
        applicant_national_id: nationalId,
        applicant_mobile: mobile,
        applicant_user_id: principal.kind === 'citizen' ? principal.userId : null,
        filed_by_user_id: principal.userId,
        filed_by_office_id: principal.kind === 'office' ? principal.officeId : null,
        consent_method: consentMethod,
        state: def.workflow.initial,
        form_data: JSON.stringify(values),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await consent?.markUsed(row.id, at);
    await insertCaseEvent(trx, {
      municipalityId: principal.municipalityId,
      caseId: row.id,
      at,
      actorKind: principal.kind === 'office' ? 'office' : 'applicant',
      actorRole: 'applicant',
      actorUserId: principal.userId,
      officeId: principal.kind === 'office' ? principal.officeId : null,
      action: 'created',
      fromState: null,
      toState: def.workflow.initial,
      details: consentMethod ? { consent: consentMethod } : {},
    });
    await recordAudit(
      trx,
      input.actor,
      {
        action: 'case.created',
        entityType: 'case',
        entityId: row.id,
        details: {
          service: service.code,
          parcelId: parcel.id,
          ...(consentMethod ? { consent: consentMethod, applicant: nationalId } : {}),
        },
      },
      at,
    );
    return row.id;
  });
}
