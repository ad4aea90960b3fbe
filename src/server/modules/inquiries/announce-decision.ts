import type { Db } from '../../db/schema.js';
import { enqueueWebhookEvent } from '../webhooks/index.js';

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
  trx: Db,
  announcement: InquiryDecisionAnnouncement,
): Promise<void> {
  const { municipalityId, apiClientId, type, data } = announcement;
  if (!apiClientId) return;
  await enqueueWebhookEvent(trx, { municipalityId, apiClientId, type, data });
}
