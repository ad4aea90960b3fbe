import { BUILDING_PERMIT_DOCUMENTS, BUILDING_PERMIT_FIELDS } from './demo-building-permit-form.js';
import {
  APPROVED_LABELS,
  AWAITING_PAYMENT_LABELS,
  CONFIRM_PAYMENT_LABELS,
  DRAFT,
  FINDINGS_LABELS,
  l,
  REFUSED,
  refuse,
  requestCorrection,
  resubmit,
  SITE_VISIT_LABELS,
  submit,
  WITHDRAWN,
  withdraw,
} from './demo-common.js';
import type { ServiceDefinition } from './types.js';

/**
 * Building permit (پروانه ساختمانی), after the Tehran steps in domain_rules §3.1: file and documents, site visit,
 * plan review against the zoning rules, fee assessment, payment, the district manager's approval. The permit law
 * asks for 15 days (to shrink to one week); the step targets add up to 14 working days.
 */
export const BUILDING_PERMIT_SERVICE: ServiceDefinition = {
  code: 'building_permit',
  names: l('پروانه ساختمانی', 'Building permit', 'Giấy phép xây dựng'),
  formFields: BUILDING_PERMIT_FIELDS,
  documents: BUILDING_PERMIT_DOCUMENTS,
  workflow: {
    initial: 'draft',
    states: [
      DRAFT,
      {
        code: 'document_check',
        kind: 'staff',
        targetWorkingDays: 2,
        labels: l('کنترل مدارک و تشکیل پرونده', 'Document check', 'Kiểm tra thành phần hồ sơ'),
      },
      {
        code: 'returned_documents',
        kind: 'applicant',
        labels: l('بازگشت برای تکمیل مدارک', 'Returned: documents to complete', 'Trả lại để bổ sung giấy tờ'),
      },
      { code: 'site_visit', kind: 'staff', targetWorkingDays: 3, labels: SITE_VISIT_LABELS },
      {
        code: 'plan_review',
        kind: 'staff',
        targetWorkingDays: 5,
        labels: l(
          'بررسی نقشه و تطبیق با ضوابط',
          'Plan review against the zoning rules',
          'Thẩm định bản vẽ theo quy hoạch',
        ),
      },
      {
        code: 'returned_plans',
        kind: 'applicant',
        labels: l('بازگشت برای اصلاح نقشه', 'Returned: drawings to correct', 'Trả lại để sửa bản vẽ'),
      },
      {
        code: 'fee_assessment',
        kind: 'staff',
        targetWorkingDays: 2,
        labels: l('محاسبه عوارض', 'Fee assessment', 'Tính phí, lệ phí'),
      },
      { code: 'awaiting_payment', kind: 'applicant', labels: AWAITING_PAYMENT_LABELS },
      {
        code: 'final_approval',
        kind: 'staff',
        targetWorkingDays: 2,
        labels: l(
          'تأیید نهایی مدیر منطقه',
          'Final approval by the district manager',
          'Lãnh đạo phê duyệt cấp phép',
        ),
      },
      { code: 'approved', kind: 'terminal', outcome: 'approved', labels: APPROVED_LABELS },
      REFUSED,
      WITHDRAWN,
    ],
    transitions: [
      submit('document_check'),
      requestCorrection('document_check', 'returned_documents', ['clerk', 'expert', 'district_manager']),
      resubmit('returned_documents', 'document_check'),
      {
        action: 'accept_documents',
        from: ['document_check'],
        to: 'site_visit',
        by: ['clerk', 'expert', 'district_manager'],
        guard: 'required_documents_present',
        labels: l(
          'تأیید مدارک و دستور بازدید',
          'Accept the file and order the site visit',
          'Tiếp nhận hồ sơ, giao kiểm tra thực địa',
        ),
      },
      {
        action: 'record_visit_findings',
        from: ['site_visit'],
        to: 'plan_review',
        by: ['inspector'],
        requiresFields: ['visitFindings'],
        labels: FINDINGS_LABELS,
      },
      requestCorrection('plan_review', 'returned_plans', ['expert', 'district_manager']),
      resubmit('returned_plans', 'plan_review'),
      {
        action: 'approve_plans',
        from: ['plan_review'],
        to: 'fee_assessment',
        by: ['expert', 'district_manager'],
        guard: 'visit_findings_recorded',
        labels: l('تأیید نقشه‌ها', 'Approve the drawings', 'Phê duyệt bản vẽ'),
      },
      {
        action: 'assess_fees',
        from: ['fee_assessment'],
        to: 'awaiting_payment',
        by: ['finance'],
        labels: l(
          'محاسبه عوارض و صدور فیش',
          'Assess fees and issue the bill',
          'Tính phí và phát hành thông báo nộp phí',
        ),
      },
      {
        action: 'confirm_payment',
        from: ['awaiting_payment'],
        to: 'final_approval',
        by: ['system', 'finance'],
        labels: CONFIRM_PAYMENT_LABELS,
      },
      {
        action: 'approve',
        from: ['final_approval'],
        to: 'approved',
        by: ['district_manager'],
        labels: l('صدور پروانه', 'Issue the permit', 'Cấp giấy phép'),
      },
      refuse(['document_check', 'plan_review'], ['expert', 'district_manager']),
      refuse(['final_approval'], ['district_manager']),
      withdraw([
        'draft',
        'document_check',
        'returned_documents',
        'site_visit',
        'plan_review',
        'returned_plans',
        'fee_assessment',
        'awaiting_payment',
        'final_approval',
      ]),
    ],
  },
};
