import type { Db } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { CaseClosed } from '../cases/case-hooks.js';
import {
  type CertificateFinding,
  type CertificateKeyring,
  type CertificateRequester,
  issueCertificate,
  type LocalizedText,
} from '../certificates/index.js';
import { announceInquiryDecision } from './announce-decision.js';
import { inquiryFindings } from './findings.js';
import {
  loadParcelRecord,
  municipalityDay,
  type ParcelRecordFacts,
  validUntilAfterMonths,
} from './parcel-record.js';
import { unmetReasons } from './reasons.js';
import { findInquiryByCase, findParcelForInquiry, setInquiryOutcome } from './repository.js';
import { decideAutoIssuance } from './rules/decide-auto-issuance.js';
import { type InquirySettings, settingsInForce } from './rules/settings.js';
import { listSettingsVersions } from './settings-repository.js';

export interface InquiryRequesterIds {
  requester_api_client_id: string | null;
  requester_office_id: string | null;
  requester_user_id: string | null;
}

async function requesterOf(trx: Db, inquiry: InquiryRequesterIds): Promise<CertificateRequester> {
  if (inquiry.requester_api_client_id) {
    const client = await trx
      .selectFrom('api_clients')
      .select('name')
      .where('id', '=', inquiry.requester_api_client_id)
      .executeTakeFirstOrThrow();
    return { kind: 'api_client', name: client.name, apiClientId: inquiry.requester_api_client_id };
  }
  const office = await trx
    .selectFrom('offices')
    .select('name')
    .where('id', '=', inquiry.requester_office_id!)
    .executeTakeFirstOrThrow();
  return {
    kind: 'office',
    name: office.name,
    officeId: inquiry.requester_office_id,
    userId: inquiry.requester_user_id,
  };
}

/** What issuing a response needs to know, read before the case's counters are locked when it can be. */
export interface PreparedResponse {
  caseId: string;
  today: string;
  timeZone: string;
  settings: InquirySettings;
  findings: CertificateFinding[];
  unmet: LocalizedText[];
  requester: CertificateRequester;
}

// A request that will be auto-issued reads the parcel's record once, before it files the case (whose submission
// takes the municipality's daily tracking counter until commit); the closing hook in the same transaction uses it.
const preparedInTransaction = new WeakMap<object, PreparedResponse>();

export function rememberPreparedResponse(trx: Db, prepared: PreparedResponse): void {
  preparedInTransaction.set(trx, prepared);
}

/** Reads what the response will say about the parcel at `at`: settings in force, findings, unmet conditions. */
export async function prepareResponse(
  trx: Db,
  input: {
    municipalityId: string;
    caseId: string;
    parcel: { id: string; land_use: string };
    requester: InquiryRequesterIds;
    at: Date;
    facts?: ParcelRecordFacts;
  },
): Promise<PreparedResponse> {
  const { municipalityId, parcel, at } = input;
  const { today, timeZone } = await municipalityDay(trx, municipalityId, at);
  const settings = settingsInForce(await listSettingsVersions(trx, municipalityId), today);
  if (!settings) throw new AppError('inquiry_settings_missing');
  const facts =
    input.facts ?? (await loadParcelRecord(trx, { municipalityId, parcelId: parcel.id, at, timeZone }));
  return {
    caseId: input.caseId,
    today,
    timeZone,
    settings,
    findings: await inquiryFindings(trx, { municipalityId, parcel, facts, today, timeZone }),
    unmet: unmetReasons(decideAutoIssuance(facts.record, settings, today)),
    requester: await requesterOf(trx, input.requester),
  };
}

/**
 * What the inquiry service does when its case closes, in the closing transaction: on approval it issues the
 * inquiry response (no objection, or conditional on what is still owed or open at this moment); on refusal a
 * response with outcome `refused` and the staff's reason, so the institution holds a signed answer either way; on
 * withdrawal nothing is issued. The requester is then announced (webhook).
 */
export async function finishInquiry(trx: Db, keyring: CertificateKeyring, closed: CaseClosed): Promise<void> {
  const { row, event, at } = closed;
  const inquiry = await findInquiryByCase(trx, row.municipality_id, row.id);
  if (!inquiry) return;
  if (event.outcome === 'withdrawn') {
    await setInquiryOutcome(trx, { id: inquiry.id, status: 'withdrawn', certificateId: null, at });
    return;
  }
  const remembered = preparedInTransaction.get(trx);
  let prepared: PreparedResponse;
  if (remembered?.caseId === row.id) {
    prepared = remembered;
  } else {
    const parcel = await findParcelForInquiry(trx, row.municipality_id, inquiry.parcel_id);
    if (!parcel) throw notFound('parcel');
    prepared = await prepareResponse(trx, {
      municipalityId: row.municipality_id,
      caseId: row.id,
      parcel,
      requester: inquiry,
      at,
    });
  }
  const refused = event.outcome === 'refused';
  const staffReason: LocalizedText[] = event.reason
    ? [{ fa: event.reason, en: event.reason, vi: event.reason }]
    : [];
  const reasons = refused ? [...staffReason, ...prepared.unmet] : prepared.unmet;
  const certificate = await issueCertificate(trx, keyring, {
    kind: 'inquiry_response',
    municipalityId: row.municipality_id,
    parcelId: inquiry.parcel_id,
    caseId: row.id,
    purpose: inquiry.purpose,
    findings: prepared.findings,
    outcome: refused ? 'refused' : reasons.length > 0 ? 'conditional' : 'no_objection',
    reasons,
    issuedAt: at,
    validUntil: validUntilAfterMonths(
      prepared.today,
      prepared.settings.responseValidityMonths,
      prepared.timeZone,
    ),
    requester: prepared.requester,
    actor: closed.actor,
  });
  const status = refused ? 'refused' : 'issued';
  await setInquiryOutcome(trx, { id: inquiry.id, status, certificateId: certificate.id, at });
  await announceInquiryDecision(trx, {
    municipalityId: row.municipality_id,
    apiClientId: inquiry.requester_api_client_id,
    type: refused ? 'inquiry.refused' : 'inquiry.issued',
    data: {
      inquiryId: inquiry.id,
      status,
      autoIssued: inquiry.auto_issued,
      certificateNumber: certificate.number,
      outcome: certificate.outcome,
    },
  });
}
