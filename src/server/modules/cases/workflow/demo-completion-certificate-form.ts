import { DEED, l, OWNER_ID, POWER_OF_ATTORNEY, pdf } from './demo-common.js';
import type { DocumentRequirement, FormField } from './types.js';

/** The completion certificate application form. */
export const COMPLETION_CERTIFICATE_FIELDS: FormField[] = [
  {
    name: 'permitNumber',
    type: 'text',
    required: true,
    maxLength: 30,
    labels: l('شماره پروانه ساختمانی', 'Building permit number', 'Số giấy phép xây dựng'),
  },
  {
    name: 'permitDate',
    type: 'date',
    required: true,
    labels: l('تاریخ پروانه', 'Permit date', 'Ngày cấp phép'),
  },
  {
    name: 'supervisorNationalId',
    type: 'national_id',
    required: true,
    labels: l('کد ملی مهندس ناظر', "Supervising engineer's national ID", 'Số định danh của kỹ sư giám sát'),
  },
  {
    name: 'builtFloorAreaM2',
    type: 'number',
    required: true,
    min: 1,
    max: 200_000,
    labels: l('زیربنای ساخته‌شده (متر مربع)', 'Built floor area (m²)', 'Diện tích sàn đã xây (m²)'),
  },
  {
    name: 'floors',
    type: 'number',
    required: true,
    min: 1,
    max: 40,
    labels: l('تعداد طبقات', 'Floors', 'Số tầng'),
  },
  {
    name: 'units',
    type: 'number',
    required: true,
    min: 1,
    max: 1000,
    labels: l('تعداد واحد', 'Units', 'Số căn hộ'),
  },
  {
    name: 'contactMobile',
    type: 'mobile',
    required: true,
    labels: l('تلفن همراه برای پیامک', 'Mobile number for SMS', 'Số di động nhận tin nhắn'),
  },
];

/** The documents a completion certificate application needs (domain_rules §3.3). */
export const COMPLETION_CERTIFICATE_DOCUMENTS: DocumentRequirement[] = [
  pdf(
    'completion_report',
    l(
      'گزارش اتمام عملیات ساختمانی (مهندس ناظر)',
      "Supervisor's completion report",
      'Báo cáo hoàn thành của giám sát',
    ),
    true,
  ),
  pdf('as_built_drawings', l('نقشه‌های چون‌ساخت', 'As-built drawings', 'Bản vẽ hoàn công'), true, 50),
  pdf(
    'technical_record',
    l('شناسنامه فنی و ملکی', 'Technical and property record', 'Hồ sơ kỹ thuật công trình'),
    true,
  ),
  DEED,
  OWNER_ID,
  POWER_OF_ATTORNEY,
];
