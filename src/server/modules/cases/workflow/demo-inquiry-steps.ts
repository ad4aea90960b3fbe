import { FINDINGS_LABELS, l, refuse, SITE_VISIT_LABELS } from './demo-common.js';
import type { Transition, WorkflowState } from './types.js';

/*
 * The district's part of an inquiry response, the same whoever asked (a citizen's `inquiry`, an institution's
 * `institution_inquiry`): the expert answers from the file history or orders a site visit, the inspector reports,
 * the district manager signs or refuses.
 */

export const EXPERT_REVIEW: WorkflowState = {
  code: 'submitted',
  kind: 'staff',
  targetWorkingDays: 2,
  labels: l('بررسی کارشناس', 'Expert review', 'Chuyên viên thẩm tra'),
};

export const SITE_VISIT: WorkflowState = {
  code: 'site_visit',
  kind: 'staff',
  targetWorkingDays: 3,
  labels: SITE_VISIT_LABELS,
};

export const MANAGER_REVIEW: WorkflowState = {
  code: 'under_review',
  kind: 'staff',
  targetWorkingDays: 2,
  labels: l('بررسی و امضای مدیر منطقه', 'District manager review', 'Lãnh đạo xem xét, ký duyệt'),
};

export const RESPONSE_ISSUED: WorkflowState = {
  code: 'approved',
  kind: 'terminal',
  outcome: 'approved',
  labels: l('پاسخ استعلام صادر شد', 'Inquiry response issued', 'Đã cấp văn bản trả lời'),
};

/** From expert review: order a visit, record it, answer from the file or after the visit, or refuse. */
export function districtReviewTransitions(): Transition[] {
  return [
    {
      action: 'order_site_visit',
      from: ['submitted'],
      to: 'site_visit',
      by: ['expert', 'district_manager'],
      labels: l('صدور دستور بازدید', 'Order a site visit', 'Giao kiểm tra thực địa'),
    },
    {
      action: 'record_visit_findings',
      from: ['site_visit'],
      to: 'under_review',
      by: ['inspector'],
      requiresFields: ['visitFindings'],
      labels: FINDINGS_LABELS,
    },
    {
      action: 'approve',
      from: ['submitted'],
      to: 'approved',
      by: ['expert', 'district_manager'],
      labels: l(
        'صدور پاسخ با توجه به سوابق پرونده',
        'Answer from the file history',
        'Trả lời theo hồ sơ lưu trữ',
      ),
    },
    {
      action: 'approve',
      from: ['under_review'],
      to: 'approved',
      by: ['district_manager'],
      guard: 'visit_findings_recorded',
      labels: l(
        'تأیید و صدور پاسخ استعلام',
        'Approve and issue the response',
        'Phê duyệt và cấp văn bản trả lời',
      ),
    },
    refuse(['submitted'], ['expert', 'district_manager']),
    refuse(['under_review'], ['district_manager']),
  ];
}
