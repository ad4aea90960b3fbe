import {
  DEED,
  DRAFT,
  doc,
  l,
  OWNER_ID,
  POWER_OF_ATTORNEY,
  REFUSED,
  RETURNED_LABELS,
  requestCorrection,
  resubmit,
  submit,
  WITHDRAWN,
  withdraw,
} from './demo-common.js';
import {
  districtReviewTransitions,
  EXPERT_REVIEW,
  MANAGER_REVIEW,
  RESPONSE_ISSUED,
  SITE_VISIT,
} from './demo-inquiry-steps.js';
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
      EXPERT_REVIEW,
      { code: 'returned', kind: 'applicant', labels: RETURNED_LABELS },
      SITE_VISIT,
      MANAGER_REVIEW,
      RESPONSE_ISSUED,
      REFUSED,
      WITHDRAWN,
    ],
    transitions: [
      submit('submitted'),
      requestCorrection('submitted', 'returned', ['clerk', 'expert', 'district_manager']),
      resubmit('returned', 'submitted'),
      ...districtReviewTransitions(),
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
      withdraw(['draft', 'submitted', 'returned', 'site_visit', 'under_review']),
    ],
  },
};
