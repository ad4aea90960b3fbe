import type { DocumentRequirement, Labels, Transition, WorkflowState } from './types.js';

/** Labels in Persian, English and Vietnamese, in that order. */
export function l(fa: string, en: string, vi: string): Labels {
  return { fa, en, vi };
}

const MB = 1024 * 1024;

/** An uploaded document accepting PDF and images. */
export function doc(code: string, labels: Labels, required: boolean, maxMb = 5): DocumentRequirement {
  return { code, labels, required, accept: ['pdf', 'jpeg', 'png'], maxBytes: maxMb * MB };
}

/** A document accepting PDF only (drawings, reports). */
export function pdf(code: string, labels: Labels, required: boolean, maxMb = 20): DocumentRequirement {
  return { code, labels, required, accept: ['pdf'], maxBytes: maxMb * MB };
}

/** The title deed image every property service asks for. */
export const DEED = doc(
  'deed_image',
  l('تصویر سند مالکیت', 'Title deed (image)', 'Ảnh giấy chứng nhận quyền sở hữu'),
  true,
);
/** The owner's ID card. */
export const OWNER_ID = doc(
  'owner_id_card',
  l('کارت ملی مالک', "Owner's national ID card", 'Căn cước công dân của chủ sở hữu'),
  true,
);
/** Needed only when an attorney acts for the owner. */
export const POWER_OF_ATTORNEY = doc(
  'power_of_attorney',
  l(
    'وکالت‌نامه رسمی (اگر وکیل اقدام می‌کند)',
    'Notarised power of attorney (if an attorney acts)',
    'Giấy ủy quyền có công chứng (nếu người được ủy quyền nộp)',
  ),
  false,
);

/** The applicant's draft, where every service starts. */
export const DRAFT: WorkflowState = {
  code: 'draft',
  kind: 'draft',
  labels: l('پیش‌نویس', 'Draft', 'Bản nháp'),
};
/** Shared labels of common states and actions. */
export const APPROVED_LABELS = l('صادر شد', 'Issued', 'Đã cấp');
/** Closed with a refusal (always with a reason). */
export const REFUSED: WorkflowState = {
  code: 'refused',
  kind: 'terminal',
  outcome: 'refused',
  labels: l('رد شد', 'Refused', 'Bị từ chối'),
};
/** Closed because the applicant withdrew. */
export const WITHDRAWN: WorkflowState = {
  code: 'withdrawn',
  kind: 'terminal',
  outcome: 'withdrawn',
  labels: l('انصراف متقاضی', 'Withdrawn by the applicant', 'Người nộp đã rút hồ sơ'),
};

const SUBMIT_LABELS = l('ثبت و ارسال درخواست', 'Submit the application', 'Nộp hồ sơ');
const RESUBMIT_LABELS = l('ارسال مجدد پس از اصلاح', 'Resubmit after correction', 'Nộp lại sau khi bổ sung');
export const RETURNED_LABELS = l(
  'بازگشت برای اصلاح',
  'Returned for correction',
  'Trả lại để bổ sung, sửa đổi',
);
const CORRECTION_LABELS = l(
  'درخواست اصلاح از متقاضی',
  'Ask the applicant to correct',
  'Yêu cầu bổ sung hồ sơ',
);
const REFUSE_LABELS = l('رد درخواست', 'Refuse', 'Từ chối');
export const SITE_VISIT_LABELS = l('بازدید محلی', 'Site visit', 'Kiểm tra thực địa');
export const FINDINGS_LABELS = l(
  'ثبت گزارش بازدید',
  'Record the visit findings',
  'Ghi nhận kết quả kiểm tra thực địa',
);
export const AWAITING_PAYMENT_LABELS = l(
  'در انتظار پرداخت عوارض',
  'Awaiting payment of dues',
  'Chờ nộp phí, lệ phí',
);
export const CONFIRM_PAYMENT_LABELS = l('تأیید پرداخت', 'Confirm payment', 'Xác nhận đã nộp phí');

/** The applicant files a complete draft (every required field and document) into the first staff step. */
export function submit(to: string): Transition {
  return {
    action: 'submit',
    from: ['draft'],
    to,
    by: ['applicant'],
    guard: ['form_complete', 'required_documents_present'],
    labels: SUBMIT_LABELS,
  };
}

/** The applicant sends a corrected case back to the step that returned it. */
export function resubmit(from: string, to: string): Transition {
  return {
    action: 'resubmit',
    from: [from],
    to,
    by: ['applicant'],
    guard: ['form_complete', 'required_documents_present'],
    labels: RESUBMIT_LABELS,
  };
}

/** Staff return the case to the applicant, saying why and which fields or documents to fix. */
export function requestCorrection(from: string, to: string, by: Transition['by']): Transition {
  return {
    action: 'request_correction',
    from: [from],
    to,
    by,
    requiresReason: true,
    requiresFields: ['returnedFields'],
    labels: CORRECTION_LABELS,
  };
}

/** Staff refuse the case; a reason is mandatory. */
export function refuse(from: string[], by: Transition['by']): Transition {
  return { action: 'refuse', from, to: 'refused', by, requiresReason: true, labels: REFUSE_LABELS };
}

/** The applicant withdraws, at any point before a decision. */
export function withdraw(from: string[]): Transition {
  return {
    action: 'withdraw',
    from,
    to: 'withdrawn',
    by: ['applicant'],
    labels: l('انصراف از درخواست', 'Withdraw the application', 'Rút hồ sơ'),
  };
}
