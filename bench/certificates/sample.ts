import type { CertificateContent } from '../../src/server/modules/certificates/content.js';

/** A realistic inquiry response: two owners, four findings, a condition; what the PDF benchmarks render. */
export const SAMPLE_CONTENT: CertificateContent = {
  v: 1,
  number: 'IR-07-1404-000123-5',
  kind: 'inquiry_response',
  municipality: { code: 'hamedan', name: { fa: 'همدان', en: 'Hamedan', vi: 'Hamedan' } },
  parcel: {
    renewalCode: '01-000123-001',
    plate: { section: 3, main: 1234, sub: [56], unit: null },
    address: 'خیابان بوعلی، کوچه ۱۲، پلاک ۴۵',
    postalCode: '6516713456',
    landAreaM2: 250.5,
    landUse: 'residential',
    district: { number: 2, name: { fa: 'منطقه ۲', en: 'District 2', vi: 'Quận 2' } },
  },
  owners: [
    { kind: 'person', name: 'علی رضایی', nationalId: '0012345679', share: { numerator: 4, denominator: 6 } },
    { kind: 'person', name: 'مریم احمدی', nationalId: '0023456787', share: { numerator: 2, denominator: 6 } },
  ],
  purpose: 'mortgage',
  findings: [
    {
      code: 'dues',
      label: { fa: 'بدهی عوارض نوسازی', en: 'Unpaid renewal dues' },
      result: { fa: 'ندارد', en: 'None' },
      status: 'clear',
    },
    {
      code: 'fees',
      label: { fa: 'سایر بدهی‌ها', en: 'Other debts' },
      result: { fa: 'ندارد', en: 'None' },
      status: 'clear',
    },
    {
      code: 'violations',
      label: { fa: 'تخلف ساختمانی و ماده ۱۰۰', en: 'Building violations, Article 100' },
      result: { fa: 'پرونده باز ندارد', en: 'No open case' },
      status: 'clear',
    },
    {
      code: 'widening',
      label: { fa: 'طرح تعریض معبر', en: 'Street widening' },
      result: { fa: '۲ متر عقب‌نشینی در بر شمالی', en: '2 m setback on the north side' },
      status: 'attention',
    },
  ],
  outcome: 'conditional',
  reasons: [
    {
      fa: 'رعایت ۲ متر عقب‌نشینی در بر شمالی هنگام نوسازی',
      en: 'A 2 m setback on the north side when rebuilt',
    },
  ],
  requester: { kind: 'api_client', name: 'بانک ملت، شعبه بوعلی' },
  caseId: null,
  issuedAt: '2025-05-05T06:30:00.000Z',
  validUntil: '2025-07-05T06:30:00.000Z',
  kid: 'hamedan-20250101-a1b2c3',
};

export const SAMPLE_TOKEN = `eyJhbGciOiJFZERTQSIsImtpZCI6ImhhbWVkYW4tMjAyNTAxMDEtYTFiMmMzIn0.${'x'.repeat(180)}.${'y'.repeat(86)}`;
