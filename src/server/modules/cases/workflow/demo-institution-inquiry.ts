import { DRAFT, doc, l, REFUSED, WITHDRAWN, withdraw } from './demo-common.js';
import {
  districtReviewTransitions,
  EXPERT_REVIEW,
  MANAGER_REVIEW,
  RESPONSE_ISSUED,
  SITE_VISIT,
} from './demo-inquiry-steps.js';
import type { ServiceDefinition } from './types.js';

/**
 * An inquiry response requested by an institution (a bank's or a utility's system through the API) or by a notary or
 * counter office from its portal: `POST /api/v1/inquiries` files, submits and decides it in one request. The system
 * issues at once when the auto-issuance rule holds (`auto_issue`); otherwise it sends the case to the district's
 * expert (`route_to_review`) or, when the rule asks for one, to a site visit first (`route_to_site_visit`). Staff
 * finish it with the usual actions; the inquiry service issues the certificate when the case is approved or refused.
 */
export const INSTITUTION_INQUIRY_SERVICE: ServiceDefinition = {
  code: 'institution_inquiry',
  names: l(
    'پاسخ استعلام به مراجع (بانک، دفترخانه، شرکت‌های خدماتی)',
    'Inquiry response to institutions (banks, notaries, utilities)',
    'Văn bản trả lời xác minh cho tổ chức (ngân hàng, công chứng, điện nước)',
  ),
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
          value: 'utility_connection',
          labels: l('انشعاب آب، برق یا گاز', 'Utility connection', 'Đấu nối điện, nước, khí'),
        },
      ],
    },
    {
      name: 'requesterLetterNumber',
      type: 'text',
      required: false,
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
  ],
  documents: [
    doc(
      'inquiry_letter',
      l('تصویر نامه استعلام', 'Scan of the inquiry letter', 'Bản chụp văn bản yêu cầu'),
      false,
    ),
  ],
  workflow: {
    initial: 'draft',
    states: [
      DRAFT,
      { code: 'filed', kind: 'staff', targetWorkingDays: 1, labels: l('ثبت شد', 'Filed', 'Đã tiếp nhận') },
      EXPERT_REVIEW,
      SITE_VISIT,
      MANAGER_REVIEW,
      RESPONSE_ISSUED,
      REFUSED,
      WITHDRAWN,
    ],
    transitions: [
      {
        action: 'submit',
        from: ['draft'],
        to: 'filed',
        by: ['applicant'],
        guard: 'form_complete',
        labels: l('ثبت درخواست', 'File the request', 'Gửi yêu cầu'),
      },
      {
        action: 'auto_issue',
        from: ['filed'],
        to: 'approved',
        by: ['system'],
        labels: l(
          'صدور خودکار (پاسخ معتبر قبلی، بدون بدهی و تخلف)',
          'Issue automatically (valid earlier answer, nothing owed, no violation)',
          'Tự động cấp (còn văn bản hợp lệ, không nợ phí, không vi phạm)',
        ),
      },
      {
        action: 'route_to_review',
        from: ['filed'],
        to: 'submitted',
        by: ['system'],
        labels: l('ارجاع به کارشناس منطقه', 'Send to the district expert', 'Chuyển chuyên viên quận'),
      },
      {
        action: 'route_to_site_visit',
        from: ['filed'],
        to: 'site_visit',
        by: ['system'],
        labels: l('ارجاع برای بازدید محلی', 'Send for a site visit', 'Chuyển kiểm tra thực địa'),
      },
      ...districtReviewTransitions(),
      withdraw(['submitted', 'site_visit', 'under_review']),
    ],
  },
};
