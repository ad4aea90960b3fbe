import type { Db } from '../../db/schema.js';

export interface InquiryDecisionAnnouncement {
  municipalityId: string;
  /** The institution that asked through the API; offices follow their requests in the portal. */
  apiClientId: string | null;
  type: 'inquiry.issued' | 'inquiry.refused';
  data: {
    inquiryId: string;
    status: 'issued' | 'refused';
    autoIssued: boolean;
    certificateNumber: string;
    outcome: string;
  };
}

/**
 * Tells the requesting institution that its inquiry was decided (auto-issued, issued by staff, refused), inside the
 * transaction that decided it, so the announcement is sent if and only if the decision commits.
 */
export async function announceInquiryDecision(
  _trx: Db,
  announcement: InquiryDecisionAnnouncement,
): Promise<void> {
  if (!announcement.apiClientId) return;
  // TODO(webhooks): once src/server/modules/webhooks is merged, call
  //   await enqueueWebhookEvent(_trx, { municipalityId, apiClientId, type, data })
  // with the fields of `announcement`. Until then the institution learns the decision by polling
  // GET /api/v1/inquiries/{id}.
}
