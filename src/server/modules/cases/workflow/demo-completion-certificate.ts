import {
  AWAITING_PAYMENT_LABELS,
  CONFIRM_PAYMENT_LABELS,
  DRAFT,
  FINDINGS_LABELS,
  l,
  REFUSED,
  RETURNED_LABELS,
  refuse,
  requestCorrection,
  resubmit,
  submit,
  WITHDRAWN,
  withdraw,
} from './demo-common.js';
import {
  COMPLETION_CERTIFICATE_DOCUMENTS,
  COMPLETION_CERTIFICATE_FIELDS,
} from './demo-completion-certificate-form.js';
import type { ServiceDefinition } from './types.js';

const CHECK_AGAINST_PERMIT = l(
  'تطبیق بنا با پروانه',
  'Check against the permit',
  'Đối chiếu công trình với giấy phép',
);
const COMMISSION = l(
  'در کمیسیون ماده صد',
  'At the Article 100 Commission',
  'Chờ Hội đồng xử lý vi phạm xây dựng',
);

/**
 * Completion certificate (گواهی پایان کار), after the Naein process in domain_rules §3.3: the supervisor's
 * completion report, the secretariat, a technical site visit, a check against the permit, referral to the
 * Article 100 Commission when something was built against the permit (an external body: that step has no target),
 * dues, payment, the district manager's signature.
 */
export const COMPLETION_CERTIFICATE_SERVICE: ServiceDefinition = {
  code: 'completion_certificate',
  names: l('گواهی پایان کار', 'Completion certificate', 'Giấy xác nhận hoàn công'),
  formFields: COMPLETION_CERTIFICATE_FIELDS,
  documents: COMPLETION_CERTIFICATE_DOCUMENTS,
  workflow: {
    initial: 'draft',
    states: [
      DRAFT,
      {
        code: 'document_check',
        kind: 'staff',
        targetWorkingDays: 2,
        labels: l('دبیرخانه: کنترل مدارک', 'Secretariat: document check', 'Bộ phận một cửa: kiểm tra hồ sơ'),
      },
      { code: 'returned', kind: 'applicant', labels: RETURNED_LABELS },
      {
        code: 'site_visit',
        kind: 'staff',
        targetWorkingDays: 3,
        labels: l('بازدید فنی', 'Technical site visit', 'Kiểm tra hiện trạng công trình'),
      },
      { code: 'technical_review', kind: 'staff', targetWorkingDays: 3, labels: CHECK_AGAINST_PERMIT },
      { code: 'commission', kind: 'staff', labels: COMMISSION },
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
        labels: l('امضای مدیر منطقه', "District manager's signature", 'Lãnh đạo ký duyệt'),
      },
      {
        code: 'approved',
        kind: 'terminal',
        outcome: 'approved',
        labels: l(
          'گواهی پایان کار صادر شد',
          'Completion certificate issued',
          'Đã cấp giấy xác nhận hoàn công',
        ),
      },
      REFUSED,
      WITHDRAWN,
    ],
    transitions: [
      submit('document_check'),
      requestCorrection('document_check', 'returned', ['clerk', 'expert', 'district_manager']),
      resubmit('returned', 'document_check'),
      {
        action: 'order_site_visit',
        from: ['document_check'],
        to: 'site_visit',
        by: ['clerk', 'expert', 'district_manager'],
        guard: 'required_documents_present',
        labels: l('ارجاع برای بازدید فنی', 'Send for the technical visit', 'Giao kiểm tra hiện trạng'),
      },
      {
        action: 'record_visit_findings',
        from: ['site_visit'],
        to: 'technical_review',
        by: ['inspector'],
        requiresFields: ['visitFindings'],
        labels: FINDINGS_LABELS,
      },
      {
        action: 'confirm_compliance',
        from: ['technical_review'],
        to: 'fee_assessment',
        by: ['expert', 'district_manager'],
        guard: 'visit_findings_recorded',
        labels: l(
          'تأیید انطباق با پروانه',
          'Confirm the building matches the permit',
          'Xác nhận phù hợp giấy phép',
        ),
      },
      {
        action: 'refer_to_commission',
        from: ['technical_review'],
        to: 'commission',
        by: ['expert', 'district_manager'],
        requiresReason: true,
        labels: l(
          'ارجاع به کمیسیون ماده صد',
          'Refer to the Article 100 Commission',
          'Chuyển Hội đồng xử lý vi phạm',
        ),
      },
      {
        action: 'record_commission_ruling',
        from: ['commission'],
        to: 'fee_assessment',
        by: ['expert', 'district_manager'],
        requiresReason: true,
        labels: l('ثبت رأی کمیسیون (جریمه)', 'Record the ruling (a fine)', 'Ghi nhận quyết định xử phạt'),
      },
      {
        action: 'assess_fees',
        from: ['fee_assessment'],
        to: 'awaiting_payment',
        by: ['finance'],
        labels: l(
          'محاسبه عوارض و صدور فیش',
          'Assess dues and issue the bill',
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
        labels: l('صدور گواهی پایان کار', 'Issue the certificate', 'Cấp giấy xác nhận hoàn công'),
      },
      refuse(['document_check', 'technical_review', 'commission'], ['expert', 'district_manager']),
      refuse(['final_approval'], ['district_manager']),
      withdraw([
        'draft',
        'document_check',
        'returned',
        'site_visit',
        'technical_review',
        'commission',
        'fee_assessment',
        'awaiting_payment',
        'final_approval',
      ]),
    ],
  },
};
