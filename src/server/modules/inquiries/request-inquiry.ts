import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app-deps.js';
import type { Db, InquiryPurpose } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { ApiClientPrincipal, OfficePrincipal } from '../../http/principal.js';
import { type Actor, systemActor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { takeCaseAction } from '../cases/act-on-case.js';
import { type CaseActing, type CaseHooks, SYSTEM_ACTING } from '../cases/case-hooks.js';
import { findCase, insertCase, insertCaseEvent } from '../cases/case-repository.js';
import { findServiceByCode, isServiceLiveIn } from '../cases/service-repository.js';
import { prepareResponse, rememberPreparedResponse } from './issue-inquiry-response.js';
import { loadParcelRecord, municipalityDay } from './parcel-record.js';
import {
  findByIdempotencyKey,
  findParcelByRenewalCode,
  findParcelsByPlate,
  insertInquiry,
} from './repository.js';
import { decideAutoIssuance } from './rules/decide-auto-issuance.js';
import { settingsInForce } from './rules/settings.js';
import { listSettingsVersions } from './settings-repository.js';

/** The service every institution's and office's inquiry is filed under (demo-institution-inquiry.ts). */
export const INQUIRY_SERVICE_CODE = 'institution_inquiry';

export type ParcelRef =
  | { renewalCode: string }
  | { plate: { section: number; main: number; sub?: number[]; unit?: number | null } };

export interface InquiryRequest {
  parcel: ParcelRef;
  purpose: InquiryPurpose;
  letterNumber?: string;
  letterDate?: string;
}

function requestHash(request: InquiryRequest): string {
  const parcel =
    'renewalCode' in request.parcel
      ? { renewalCode: request.parcel.renewalCode.trim() }
      : {
          plate: {
            section: request.parcel.plate.section,
            main: request.parcel.plate.main,
            sub: request.parcel.plate.sub ?? [],
            unit: request.parcel.plate.unit ?? null,
          },
        };
  const canonical = JSON.stringify([
    parcel,
    request.purpose,
    request.letterNumber ?? null,
    request.letterDate ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

async function resolveParcel(db: Db, municipalityId: string, ref: ParcelRef) {
  if ('renewalCode' in ref) {
    const parcel = await findParcelByRenewalCode(db, municipalityId, ref.renewalCode.trim());
    if (!parcel) throw notFound('parcel');
    return parcel;
  }
  const found = await findParcelsByPlate(db, municipalityId, {
    section: ref.plate.section,
    main: ref.plate.main,
    sub: ref.plate.sub ?? [],
    unit: ref.plate.unit ?? null,
  });
  if (found.length === 0) throw notFound('parcel');
  if (found.length > 1) throw new AppError('parcel_ambiguous', { matches: found.length });
  return found[0];
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505';
}

export interface RequestInquiryInput {
  principal: ApiClientPrincipal | OfficePrincipal;
  actor: Actor;
  request: InquiryRequest;
  idempotencyKey: string | null;
}

export interface RequestInquiryResult {
  inquiryId: string;
  /** 201 issued at once, 202 in review; a replay answers with the first request's status. */
  status: 201 | 202;
  replayed: boolean;
}

/** A replay of an earlier request with the same key: the same answer, or 422 when the body differs. */
async function replayOf(
  db: Db,
  input: RequestInquiryInput,
  hash: string,
): Promise<RequestInquiryResult | null> {
  if (!input.idempotencyKey) return null;
  const earlier = await findByIdempotencyKey(db, {
    municipalityId: input.principal.municipalityId,
    requesterId: requesterIdOf(input.principal),
    key: input.idempotencyKey,
  });
  if (!earlier) return null;
  if (earlier.request_hash !== hash) throw new AppError('idempotency_key_reused');
  return { inquiryId: earlier.id, status: earlier.first_status as 201 | 202, replayed: true };
}

function requesterIdOf(principal: ApiClientPrincipal | OfficePrincipal): string {
  return principal.kind === 'api_client' ? principal.apiClientId : principal.officeId;
}

function actingOfRequester(principal: ApiClientPrincipal | OfficePrincipal): CaseActing {
  return principal.kind === 'office'
    ? {
        workflow: { kind: 'applicant' },
        eventKind: 'office',
        userId: principal.userId,
        officeId: principal.officeId,
      }
    : { workflow: { kind: 'applicant' }, eventKind: 'applicant', userId: null, officeId: null };
}

/**
 * An institution (API client) or an office asks for an inquiry response about a parcel. In one transaction: the
 * case is filed and submitted on the case engine, the auto-issuance rule decides over the parcel's record and the
 * settings in force today, and the system either approves the case (the closing hook issues the signed certificate)
 * or sends it to the district's queue, to a site visit first when the settings say so. With an Idempotency-Key, the
 * same key and body give the same inquiry again; the same key with another body is refused.
 */
export async function requestInquiry(
  deps: Pick<AppDeps, 'db' | 'clock'> & { caseHooks: CaseHooks },
  input: RequestInquiryInput,
): Promise<RequestInquiryResult> {
  const hash = requestHash(input.request);
  const replay = await replayOf(deps.db, input, hash);
  if (replay) return replay;
  try {
    return await deps.db.transaction().execute((trx) => fileAndDecide(trx, deps, input, hash));
  } catch (err) {
    // Two requests with one key at once: the loser finds the winner's inquiry.
    if (isUniqueViolation(err) && input.idempotencyKey) {
      const winner = await replayOf(deps.db, input, hash);
      if (winner) return winner;
    }
    throw err;
  }
}

async function fileAndDecide(
  trx: Db,
  deps: Pick<AppDeps, 'clock'> & { caseHooks: CaseHooks },
  input: RequestInquiryInput,
  hash: string,
): Promise<RequestInquiryResult> {
  const { principal, request } = input;
  const municipalityId = principal.municipalityId;
  const at = deps.clock.now();
  const parcel = await resolveParcel(trx, municipalityId, request.parcel);
  const service = await findServiceByCode(trx, municipalityId, INQUIRY_SERVICE_CODE);
  if (!service?.is_active) throw notFound('service');
  if (!(await isServiceLiveIn(trx, service.id, parcel.district_id))) throw new AppError('service_not_live');
  const { today, timeZone } = await municipalityDay(trx, municipalityId, at);
  const settings = settingsInForce(await listSettingsVersions(trx, municipalityId), today);
  if (!settings) throw new AppError('inquiry_settings_missing');
  const facts = await loadParcelRecord(trx, { municipalityId, parcelId: parcel.id, at, timeZone });
  const decision = decideAutoIssuance(facts.record, settings, today);

  const caseId = await insertCase(trx, {
    municipality_id: municipalityId,
    district_id: parcel.district_id,
    service_id: service.id,
    service_version_id: service.version_id,
    parcel_id: parcel.id,
    applicant_national_id: null,
    applicant_mobile: null,
    applicant_user_id: null,
    filed_by_user_id: principal.kind === 'office' ? principal.userId : null,
    filed_by_office_id: principal.kind === 'office' ? principal.officeId : null,
    filed_by_api_client_id: principal.kind === 'api_client' ? principal.apiClientId : null,
    consent_method: null,
    state: 'draft',
    form_data: JSON.stringify({
      purpose: request.purpose,
      ...(request.letterNumber ? { requesterLetterNumber: request.letterNumber } : {}),
      ...(request.letterDate ? { requesterLetterDate: request.letterDate } : {}),
    }),
    created_at: at,
    updated_at: at,
  });
  if (decision.decision === 'issue')
    rememberPreparedResponse(
      trx,
      await prepareResponse(trx, {
        municipalityId,
        caseId,
        parcel,
        requester: {
          requester_api_client_id: principal.kind === 'api_client' ? principal.apiClientId : null,
          requester_office_id: principal.kind === 'office' ? principal.officeId : null,
          requester_user_id: principal.kind === 'office' ? principal.userId : null,
        },
        at,
        facts,
      }),
    );
  const acting = actingOfRequester(principal);
  await insertCaseEvent(trx, {
    municipalityId,
    caseId,
    at,
    actorKind: acting.eventKind,
    actorRole: 'applicant',
    actorUserId: acting.userId,
    officeId: acting.officeId,
    action: 'created',
    fromState: null,
    toState: 'draft',
  });
  await recordAudit(
    trx,
    input.actor,
    {
      action: 'case.created',
      entityType: 'case',
      entityId: caseId,
      details: { service: service.code, parcelId: parcel.id },
    },
    at,
  );
  const status = decision.decision === 'issue' ? 201 : 202;
  const inquiry = await insertInquiry(trx, {
    municipality_id: municipalityId,
    case_id: caseId,
    parcel_id: parcel.id,
    district_id: parcel.district_id,
    purpose: request.purpose,
    letter_number: request.letterNumber ?? null,
    letter_date: request.letterDate ?? null,
    requester_kind: principal.kind,
    requester_api_client_id: principal.kind === 'api_client' ? principal.apiClientId : null,
    requester_office_id: principal.kind === 'office' ? principal.officeId : null,
    requester_user_id: principal.kind === 'office' ? principal.userId : null,
    status: 'in_review',
    auto_issued: decision.decision === 'issue',
    decision: JSON.stringify(decision),
    settings_id: settings.id,
    idempotency_key: input.idempotencyKey,
    request_hash: input.idempotencyKey ? hash : null,
    first_status: status,
    created_at: at,
  });
  await takeCaseAction(trx, deps, {
    row: await caseRow(trx, municipalityId, caseId),
    acting,
    actor: input.actor,
    action: 'submit',
    input: {},
  });
  const next =
    decision.decision === 'issue'
      ? 'auto_issue'
      : decision.siteVisit
        ? 'route_to_site_visit'
        : 'route_to_review';
  // The system's step: for auto_issue the inquiry service's closing hook issues the certificate right here.
  await takeCaseAction(trx, deps, {
    row: await caseRow(trx, municipalityId, caseId),
    acting: SYSTEM_ACTING,
    actor: systemActor(municipalityId),
    action: next,
    input: {},
  });
  await recordAudit(
    trx,
    systemActor(municipalityId),
    {
      action: decision.decision === 'issue' ? 'inquiry.auto_issued' : 'inquiry.routed',
      entityType: 'inquiry',
      entityId: inquiry.id,
      details: {
        caseId,
        decision: decision.decision,
        siteVisit: decision.siteVisit,
        settingsId: settings.id,
      },
    },
    at,
  );
  return { inquiryId: inquiry.id, status, replayed: false };
}

async function caseRow(trx: Db, municipalityId: string, caseId: string) {
  const row = await findCase(trx, municipalityId, caseId);
  if (!row) throw notFound('case');
  return row;
}
