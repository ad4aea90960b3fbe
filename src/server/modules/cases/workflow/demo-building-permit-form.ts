import { DEED, l, OWNER_ID, POWER_OF_ATTORNEY, pdf } from './demo-common.js';
import type { DocumentRequirement, FormField } from './types.js';

const LAND_USE_OPTIONS = [
  { value: 'residential', labels: l('مسکونی', 'Residential', 'Nhà ở') },
  { value: 'commercial', labels: l('تجاری', 'Commercial', 'Thương mại') },
  { value: 'office', labels: l('اداری', 'Office', 'Văn phòng') },
  { value: 'mixed', labels: l('مختلط', 'Mixed use', 'Hỗn hợp') },
];

/** The building permit application form. */
export const BUILDING_PERMIT_FIELDS: FormField[] = [
  {
    name: 'permitType',
    type: 'select',
    required: true,
    labels: l('نوع پروانه', 'Type of permit', 'Loại giấy phép'),
    options: [
      { value: 'new_building', labels: l('احداث بنا', 'New building', 'Xây dựng mới') },
      {
        value: 'extension',
        labels: l('توسعه یا افزایش طبقه', 'Extension or extra floors', 'Cơi nới, nâng tầng'),
      },
      {
        value: 'major_renovation',
        labels: l('تعمیرات اساسی', 'Major renovation', 'Sửa chữa, cải tạo lớn'),
      },
    ],
  },
  {
    name: 'landUse',
    type: 'select',
    required: true,
    labels: l('کاربری درخواستی', 'Requested use', 'Mục đích sử dụng'),
    options: LAND_USE_OPTIONS,
  },
  {
    name: 'floors',
    type: 'number',
    required: true,
    min: 1,
    max: 40,
    labels: l('تعداد طبقات', 'Number of floors', 'Số tầng'),
  },
  {
    name: 'floorAreaM2',
    type: 'number',
    required: true,
    min: 1,
    max: 200_000,
    labels: l('زیربنای کل (متر مربع)', 'Total floor area (m²)', 'Tổng diện tích sàn (m²)'),
  },
  {
    name: 'units',
    type: 'number',
    required: true,
    min: 1,
    max: 1000,
    labels: l('تعداد واحد', 'Number of units', 'Số căn hộ'),
  },
  {
    name: 'engineerNationalId',
    type: 'national_id',
    required: true,
    labels: l('کد ملی مهندس طراح', "Design engineer's national ID", 'Số định danh của kỹ sư thiết kế'),
  },
  {
    name: 'engineerMembershipNumber',
    type: 'text',
    required: true,
    maxLength: 20,
    labels: l('شماره عضویت نظام مهندسی', 'Engineering council membership number', 'Số chứng chỉ hành nghề'),
  },
  {
    name: 'contactMobile',
    type: 'mobile',
    required: true,
    labels: l('تلفن همراه برای پیامک', 'Mobile number for SMS', 'Số di động nhận tin nhắn'),
  },
  {
    name: 'postalCode',
    type: 'postal_code',
    required: false,
    labels: l('کد پستی ملک', 'Postal code of the property', 'Mã bưu chính'),
  },
];

/** The documents a building permit application needs. */
export const BUILDING_PERMIT_DOCUMENTS: DocumentRequirement[] = [
  DEED,
  OWNER_ID,
  POWER_OF_ATTORNEY,
  pdf('architectural_plans', l('نقشه‌های معماری', 'Architectural drawings', 'Bản vẽ kiến trúc'), true, 50),
  pdf('structural_plans', l('نقشه‌های سازه', 'Structural drawings', 'Bản vẽ kết cấu'), true, 50),
  pdf(
    'supervisor_contract',
    l('قرارداد مهندس ناظر', "Supervising engineer's contract", 'Hợp đồng giám sát thi công'),
    true,
  ),
  pdf('soil_report', l('گزارش مکانیک خاک', 'Soil investigation report', 'Báo cáo khảo sát địa chất'), false),
];
