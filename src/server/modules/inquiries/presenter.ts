import type { Locale } from '../../i18n/messages.js';
import { plateText } from '../certificates/content.js';
import { presentConditions } from './reasons.js';
import type { InquiryViewRow } from './repository.js';
import type { AutoIssuanceDecision } from './rules/decide-auto-issuance.js';

/** The links a requester needs to use the certificate: its verification page, its QR payload and its PDFs. */
export function certificateLinks(publicUrl: string, number: string, token: string) {
  const base = publicUrl.replace(/\/$/, '');
  return {
    verifyUrl: `${base}/api/v1/certificates/${number}/verify`,
    verifyPageUrl: `${base}/verify#${token}`,
    qrToken: token,
    pdfUrl: `${base}/api/v1/certificates/${number}.pdf`,
  };
}

/** An inquiry as its requester, district staff or the parcel's owner sees it. */
export function presentInquiry(row: InquiryViewRow, lang: Locale, publicUrl: string) {
  const decision = row.decision as AutoIssuanceDecision;
  return {
    id: row.id,
    status: row.status,
    purpose: row.purpose,
    autoIssued: row.auto_issued,
    parcel: {
      id: row.parcel_id,
      renewalCode: row.renewal_code,
      plate: plateText({
        section: row.registration_section,
        main: row.main_plate,
        sub: row.sub_plates,
        unit: row.unit_no,
      }),
    },
    letterNumber: row.letter_number,
    letterDate: row.letter_date,
    requester: {
      kind: row.requester_kind,
      name: row.requester_kind === 'api_client' ? (row.api_client_name ?? '') : (row.office_name ?? ''),
    },
    decision: {
      decision: decision.decision,
      siteVisit: decision.siteVisit,
      day: decision.today,
      settingsEffectiveFrom: decision.settings.effectiveFrom,
      conditions: presentConditions(decision, lang),
    },
    case: {
      id: row.case_id,
      state: row.case_state,
      trackingCode: row.tracking_code,
    },
    certificate:
      row.certificate_number && row.certificate_token
        ? {
            number: row.certificate_number,
            outcome: row.certificate_outcome,
            status: row.certificate_status,
            issuedAt: row.certificate_issued_at?.toISOString() ?? null,
            validUntil: row.certificate_valid_until?.toISOString() ?? null,
            ...certificateLinks(publicUrl, row.certificate_number, row.certificate_token),
          }
        : null,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}
