import type { ApiClientKind, OfficeKind } from '../../db/schema.js';
import type { StaffRole } from '../../http/principal.js';

// The well-known accounts of every demo city, for the README, the dev login page and tests.

export const DEMO_MUNICIPALITY_CODE = 'demo';
/** Password of every demo staff member and office operator. */
export const DEMO_PASSWORD = 'shahrvand-demo';

/** A parcel a demo citizen owns: the `ordinal`-th parcel (0-based) generated in `district`, `shareNum`/6 of it. */
export interface DemoParcelClaim {
  district: number;
  ordinal: number;
  shareNum: number;
}

export interface DemoCitizen {
  nationalId: string;
  mobile: string;
  fullName: string;
  parcels: DemoParcelClaim[];
}

export interface DemoStaff {
  username: string;
  fullName: string;
  roles: StaffRole[];
  /** null for municipality-wide staff. */
  district: number | null;
}

export interface DemoOffice {
  kind: OfficeKind;
  name: string;
  licenseNo: string;
  district: number | null;
  operator: { username: string; fullName: string };
}

export interface DemoApiClient {
  clientId: string;
  name: string;
  kind: ApiClientKind;
  secret: string;
  scopes: string[];
}

/**
 * Citizens sign in with national ID + mobile (OTP). Zahra owns parcels in two districts; Maryam and Reza co-own
 * district 4's ninth parcel half and half; Nasrin is the clearance browser journey's own citizen (one sign-in code
 * a minute per mobile, and every other citizen signs in in another journey). Claims need about 100 parcels in the
 * city to all be reached.
 */
export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  {
    nationalId: '0012345679',
    mobile: '09120000001',
    fullName: 'علی رضایی',
    parcels: [
      { district: 1, ordinal: 2, shareNum: 6 },
      { district: 1, ordinal: 9, shareNum: 6 },
      { district: 1, ordinal: 17, shareNum: 6 },
    ],
  },
  {
    nationalId: '0023456787',
    mobile: '09120000002',
    fullName: 'زهرا محمدی',
    parcels: [
      { district: 2, ordinal: 3, shareNum: 6 },
      { district: 2, ordinal: 12, shareNum: 6 },
      { district: 3, ordinal: 6, shareNum: 6 },
    ],
  },
  {
    nationalId: '0034567895',
    mobile: '09120000003',
    fullName: 'حسین کریمی',
    parcels: [
      { district: 3, ordinal: 1, shareNum: 6 },
      { district: 3, ordinal: 14, shareNum: 6 },
    ],
  },
  {
    nationalId: '0045678911',
    mobile: '09120000004',
    fullName: 'مریم احمدی',
    parcels: [
      { district: 4, ordinal: 4, shareNum: 6 },
      { district: 4, ordinal: 8, shareNum: 3 },
      { district: 4, ordinal: 19, shareNum: 6 },
    ],
  },
  {
    nationalId: '0056789122',
    mobile: '09120000005',
    fullName: 'رضا حسینی',
    parcels: [
      { district: 4, ordinal: 8, shareNum: 3 },
      { district: 4, ordinal: 11, shareNum: 6 },
      { district: 4, ordinal: 23, shareNum: 6 },
      { district: 1, ordinal: 21, shareNum: 6 },
    ],
  },
  {
    nationalId: '0067890131',
    mobile: '09120000006',
    fullName: 'نسرین فرهادی',
    parcels: [
      { district: 2, ordinal: 20, shareNum: 6 },
      { district: 3, ordinal: 10, shareNum: 6 },
    ],
  },
];

const DISTRICT_STAFF_NAMES: Record<number, [string, string, string, string]> = {
  1: ['نرگس یوسفی', 'مجید صادقی', 'بهروز رستمی', 'فرهاد کاظمی'],
  2: ['لیلا شریفی', 'سعید قاسمی', 'پیمان نجفی', 'مهناز طاهری'],
  3: ['سارا امینی', 'حمید جعفری', 'وحید مرادی', 'ناصر بهرامی'],
  4: ['الهام رحیمی', 'مسعود حیدری', 'هادی زمانی', 'پروین اکبری'],
};

export const DEMO_STAFF: readonly DemoStaff[] = [
  { username: 'admin', fullName: 'کامران افشار', roles: ['admin'], district: null },
  { username: 'finance', fullName: 'شیرین صالحی', roles: ['finance'], district: null },
  { username: 'oversight', fullName: 'داریوش هاشمی', roles: ['oversight'], district: null },
  ...[1, 2, 3, 4].flatMap((district): DemoStaff[] => {
    const [clerk, expert, inspector, manager] = DISTRICT_STAFF_NAMES[district];
    return [
      { username: `d${district}.clerk`, fullName: clerk, roles: ['clerk'], district },
      { username: `d${district}.expert`, fullName: expert, roles: ['expert'], district },
      { username: `d${district}.inspector`, fullName: inspector, roles: ['inspector'], district },
      { username: `d${district}.manager`, fullName: manager, roles: ['district_manager'], district },
    ];
  }),
];

export const DEMO_OFFICES: readonly DemoOffice[] = [
  {
    kind: 'notary',
    name: 'دفترخانه اسناد رسمی شماره ۱۲',
    licenseNo: 'NOTARY-12',
    district: 1,
    operator: { username: 'notary12', fullName: 'سیمین توکلی' },
  },
  {
    kind: 'counter',
    name: 'دفتر پیشخوان دولت شماره ۳۰۴',
    licenseNo: 'COUNTER-304',
    district: 2,
    operator: { username: 'counter1', fullName: 'امید خسروی' },
  },
  {
    kind: 'e_service',
    name: 'دفتر خدمات الکترونیک شهر شماره ۲۲۰۱',
    licenseNo: 'ESERVICE-2201',
    district: 3,
    operator: { username: 'eservice1', fullName: 'آزاده کیانی' },
  },
  {
    kind: 'kiosk',
    name: 'کیوسک محله‌ای مجتمع مسکونی بهار',
    licenseNo: 'KIOSK-1',
    district: 4,
    operator: { username: 'kiosk1', fullName: 'یوسف دهقان' },
  },
];

const API_CLIENT_TEMPLATES: ReadonlyArray<{ suffix: string; name: string; kind: ApiClientKind }> = [
  { suffix: 'bank', name: 'بانک نمونه', kind: 'bank' },
  { suffix: 'notary', name: 'کانون سردفتران نمونه', kind: 'notary' },
  { suffix: 'utility', name: 'شرکت آب و فاضلاب نمونه', kind: 'utility' },
];

/** The API clients of a demo city; client ids are global, so they carry the municipality code (demo-bank). */
export function demoApiClients(municipalityCode = DEMO_MUNICIPALITY_CODE): DemoApiClient[] {
  return API_CLIENT_TEMPLATES.map(({ suffix, name, kind }) => ({
    clientId: `${municipalityCode}-${suffix}`,
    name,
    kind,
    secret: `${municipalityCode}-${suffix}-secret-0001`,
    scopes: ['inquiries'],
  }));
}

/** The API clients of the default demo city: demo-bank / demo-bank-secret-0001, demo-notary, demo-utility. */
export const DEMO_API_CLIENTS: readonly DemoApiClient[] = demoApiClients();
