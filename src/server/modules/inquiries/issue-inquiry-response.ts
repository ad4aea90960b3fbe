import type { Db } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { CaseClosed } from '../cases/case-hooks.js';
import {
  type CertificateKeyring,
  type CertificateRequester,
  issueCertificate,
  type LocalizedText,
} from '../certificates/index.js';
import { announceInquiryDecision } from './announce-decision.js';
import { inquiryFindings } from './findings.js';
import { loadParcelRecord, municipalityDay, validUntilAfterMonths } from './parcel-record.js';
import { unmetReasons } from './reasons.js';
import {
  findInquiryByCase,
  findParcelForInquiry,
  listSettingsVersions,
  setInquiryOutcome,
} from './repository.js';
import { decideAutoIssuance } from './rules/decide-auto-issuance.js';
import { settingsInForce } from './rules/settings.js';

async function requesterOf(
  trx: Db,
  inquiry: {
    requester_api_client_id: string | null;
    requester_office_id: string | null;
    requester_user_id: string | null;
  },
): Promise<CertificateRequester> {
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
  const { today, timeZone } = await municipalityDay(trx, row.municipality_id, at);
  const settings = settingsInForce(await listSettingsVersions(trx, row.municipality_id), today);
  if (!settings) throw new AppError('inquiry_settings_missing');
  const parcel = await findParcelForInquiry(trx, row.municipality_id, inquiry.parcel_id);
  if (!parcel) throw notFound('parcel');
  const facts = await loadParcelRecord(trx, {
    municipalityId: row.municipality_id,
    parcelId: parcel.id,
    at,
    timeZone,
  });
  const unmet = unmetReasons(decideAutoIssuance(facts.record, settings, today));
  const refused = event.outcome === 'refused';
  const staffReason: LocalizedText[] = event.reason
    ? [{ fa: event.reason, en: event.reason, vi: event.reason }]
    : [];
  const reasons = refused ? [...staffReason, ...unmet] : unmet;
  const certificate = await issueCertificate(trx, keyring, {
    kind: 'inquiry_response',
    municipalityId: row.municipality_id,
    parcelId: parcel.id,
    caseId: row.id,
    purpose: inquiry.purpose,
    findings: await inquiryFindings(trx, {
      municipalityId: row.municipality_id,
      parcel,
      facts,
      today,
      timeZone,
    }),
    outcome: refused ? 'refused' : reasons.length > 0 ? 'conditional' : 'no_objection',
    reasons,
    issuedAt: at,
    validUntil: validUntilAfterMonths(today, settings.responseValidityMonths, timeZone),
    requester: await requesterOf(trx, inquiry),
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
