import {
  DEED,
  DRAFT,
  doc,
  FINDINGS_LABELS,
  l,
  OWNER_ID,
  POWER_OF_ATTORNEY,
  REFUSED,
  RETURNED_LABELS,
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
 * Inquiry response (پاسخ استعلام) for a transfer, mortgage or utility connection, after domain_rules §1.2: the file
 * is registered, the expert answers from the file history or orders a site visit, the inspector reports, and the
 * district manager signs. The system issues it directly when a valid earlier response exists and nothing is owed
 * (the Urmia rule); that decision is the case service's, the workflow only allows it.
 */
export const INQUIRY_SERVICE: ServiceDefinition = {
  code: 'inquiry',
  names: l('پاسخ استعلام', 'Inquiry response', 'Văn bản trả lời xác minh nhà đất'),
  formFields: [
    {
      name: 'purpose',
      type: 'select',
      required: true,
      labels: l('موضوع استعلام', 'Purpose of the inquiry', 'Mục đích xác minh'),
      options: [
        { value: 'transfer', labels: l('نقل و انتقال', 'Transfer of ownership', 'Chuyển nhượng') },
        { value: 'mortgage', labels: l('ترهین (رهن بانکی)', 'Mortgage', 'Thế chấp') },
        {
          value: 'utility',
          labels: l('انشعاب آب، برق یا گاز', 'Utility connection', 'Đấu nối điện, nước, khí'),
        },
      ],
    },
    {
      name: 'requesterLetterNumber',
      type: 'text',
      required: true,
      maxLength: 30,
      labels: l(
        'شماره نامه مرجع استعلام',
        "Requesting body's letter number",
        'Số văn bản của cơ quan yêu cầu',
      ),
    },
    {
      name: 'requesterLetterDate',
      type: 'date',
      required: false,
      labels: l('تاریخ نامه', 'Letter date', 'Ngày văn bản'),
    },
    {
      name: 'buyerNationalId',
      type: 'national_id',
      required: false,
      labels: l('کد ملی خریدار', "Buyer's national ID", 'Số định danh của bên mua'),
    },
  ],
  documents: [
    doc(
      'inquiry_letter',
      l('تصویر نامه استعلام', 'Scan of the inquiry letter', 'Bản chụp văn bản yêu cầu'),
      true,
    ),
    DEED,
    OWNER_ID,
    POWER_OF_ATTORNEY,
    doc(
      'registration_sketch',
      l(
        'کروکی ثبتی (برای سند غیر تک‌برگ)',
        'Registry sketch (deeds that are not single-sheet)',
        'Sơ đồ thửa đất (nếu giấy chứng nhận không phải mẫu một trang)',
      ),
      false,
    ),
  ],
  workflow: {
    initial: 'draft',
    states: [
      DRAFT,
      {
        code: 'submitted',
        kind: 'staff',
        targetWorkingDays: 2,
        labels: l('بررسی کارشناس', 'Expert review', 'Chuyên viên thẩm tra'),
      },
      { code: 'returned', kind: 'applicant', labels: RETURNED_LABELS },
      { code: 'site_visit', kind: 'staff', targetWorkingDays: 3, labels: SITE_VISIT_LABELS },
      {
        code: 'under_review',
        kind: 'staff',
        targetWorkingDays: 2,
        labels: l('بررسی و امضای مدیر منطقه', 'District manager review', 'Lãnh đạo xem xét, ký duyệt'),
      },
      {
        code: 'approved',
        kind: 'terminal',
        outcome: 'approved',
        labels: l('پاسخ استعلام صادر شد', 'Inquiry response issued', 'Đã cấp văn bản trả lời'),
      },
      REFUSED,
      WITHDRAWN,
    ],
    transitions: [
      submit('submitted'),
      requestCorrection('submitted', 'returned', ['clerk', 'expert', 'district_manager']),
      resubmit('returned', 'submitted'),
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
        action: 'auto_issue',
        from: ['submitted'],
        to: 'approved',
        by: ['system'],
        guard: ['form_complete', 'required_documents_present'],
        labels: l(
          'صدور خودکار (پاسخ معتبر قبلی، بدون بدهی)',
          'Issue automatically (valid earlier answer, nothing owed)',
          'Tự động cấp (còn văn bản hợp lệ, không nợ phí)',
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
      withdraw(['draft', 'submitted', 'returned', 'site_visit', 'under_review']),
    ],
  },
};
