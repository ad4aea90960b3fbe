import { randomInt, randomUUID } from 'node:crypto';
import type { Db, GeoJsonGeometry } from '../src/server/db/schema.js';
import type { StaffRole } from '../src/server/http/principal.js';
import { hashClientSecret, newClientSecret } from '../src/server/modules/accounts/access-tokens.js';
import { hashPassword } from '../src/server/modules/accounts/passwords.js';
import {
  isValidNationalId,
  legalIdCheckDigit,
  nationalIdCheckDigit,
} from '../src/shared/identifiers/index.js';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
let counter = 0;

function unique(): number {
  counter += 1;
  return counter * 1000 + randomInt(1000);
}

function digits(length: number): string {
  return Array.from({ length }, () => randomInt(10)).join('');
}

/** A random, valid 10-digit national ID. */
export function fakeNationalId(): string {
  for (;;) {
    const nine = digits(9);
    const id = `${nine}${nationalIdCheckDigit(nine)}`;
    if (isValidNationalId(id)) return id;
  }
}

export function fakeLegalId(): string {
  const ten = `1${digits(9)}`;
  return `${ten}${legalIdCheckDigit(ten)}`;
}

export function fakeMobile(): string {
  return `0912${digits(7)}`;
}

export async function buildMunicipality(db: Db, overrides: { code?: string } = {}) {
  const code = overrides.code ?? `city-${randomUUID().slice(0, 13)}`;
  return db
    .insertInto('municipalities')
    .values({ code, name_fa: `شهر ${code}`, name_en: `City ${code}`, name_vi: `Thành phố ${code}` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildDistrict(db: Db, municipalityId: string, number?: number) {
  const n = number ?? (unique() % 90) + 1;
  return db
    .insertInto('districts')
    .values({
      municipality_id: municipalityId,
      number: n,
      name_fa: `منطقه ${n}`,
      name_en: `District ${n}`,
      name_vi: `Quận ${n}`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A municipality with two districts: most tests need exactly this. */
export async function buildCity(db: Db) {
  const municipality = await buildMunicipality(db);
  const district1 = await buildDistrict(db, municipality.id, 1);
  const district2 = await buildDistrict(db, municipality.id, 2);
  return { municipality, district1, district2 };
}

const SQUARE: GeoJsonGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [51.16, 35.745],
      [51.1602, 35.745],
      [51.1602, 35.7452],
      [51.16, 35.7452],
      [51.16, 35.745],
    ],
  ],
};

export async function buildOwner(
  db: Db,
  municipalityId: string,
  overrides: { nationalId?: string; mobile?: string | null; name?: string } = {},
) {
  return db
    .insertInto('owners')
    .values({
      municipality_id: municipalityId,
      kind: 'person',
      national_id: overrides.nationalId ?? fakeNationalId(),
      name: overrides.name ?? 'مالک آزمایشی',
      mobile: overrides.mobile === undefined ? fakeMobile() : overrides.mobile,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A parcel in a district, owned wholly (6 of 6 dang) by the given owner when one is passed. */
export async function buildParcel(
  db: Db,
  input: { municipalityId: string; districtId: string; ownerId?: string; landUse?: string },
) {
  const n = unique();
  const parcel = await db
    .insertInto('parcels')
    .values({
      municipality_id: input.municipalityId,
      district_id: input.districtId,
      renewal_code: `01-${String(n).padStart(6, '0')}-001`,
      registration_section: 3,
      main_plate: 1000 + (n % 5000),
      sub_plates: [n % 900],
      postal_code: '1345678913',
      address: `خیابان آزمایش، پلاک ${n}`,
      land_area_m2: 250.5,
      built_area_m2: 400,
      land_use: input.landUse ?? 'residential',
      geometry: JSON.stringify(SQUARE),
      centroid_lng: 51.1601,
      centroid_lat: 35.7451,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.ownerId) {
    await db
      .insertInto('ownerships')
      .values({
        municipality_id: input.municipalityId,
        parcel_id: parcel.id,
        owner_id: input.ownerId,
        share_num: 6,
        share_den: 6,
      })
      .execute();
  }
  return parcel;
}

/** A person who owns `parcels` parcels in the district; they are not yet a registered citizen user. */
export async function buildCitizenOwner(
  db: Db,
  input: { municipalityId: string; districtId: string; parcels?: number },
) {
  const owner = await buildOwner(db, input.municipalityId);
  const parcels = [];
  for (let i = 0; i < (input.parcels ?? 2); i++) {
    parcels.push(
      await buildParcel(db, {
        municipalityId: input.municipalityId,
        districtId: input.districtId,
        ownerId: owner.id,
      }),
    );
  }
  return { owner, nationalId: owner.national_id, mobile: owner.mobile as string, parcels };
}

export async function buildStaff(
  db: Db,
  input: {
    municipalityId: string;
    roles: StaffRole[];
    districtId?: string | null;
    username?: string;
    password?: string;
  },
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = input.username ?? `staff${unique()}`;
  const user = await db
    .insertInto('users')
    .values({
      municipality_id: input.municipalityId,
      kind: 'staff',
      username,
      password_hash: input.password ? await hashPassword(input.password) : await passwordHash,
      full_name: `کارمند ${username}`,
      roles: input.roles,
      district_id: input.districtId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user, username, password: input.password ?? TEST_PASSWORD };
}

export async function buildOffice(
  db: Db,
  input: { municipalityId: string; kind?: 'notary' | 'counter' | 'e_service' | 'kiosk' },
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const n = unique();
  const office = await db
    .insertInto('offices')
    .values({
      municipality_id: input.municipalityId,
      kind: input.kind ?? 'notary',
      name: `دفتر ${n}`,
      license_no: `L-${n}`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const username = `office${n}`;
  const operator = await db
    .insertInto('users')
    .values({
      municipality_id: input.municipalityId,
      kind: 'office_operator',
      username,
      password_hash: await passwordHash,
      full_name: `متصدی ${n}`,
      office_id: office.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { office, operator, username, password: TEST_PASSWORD };
}

export async function buildApiClient(
  db: Db,
  input: { municipalityId: string; kind?: 'bank' | 'notary' | 'utility' | 'agency' },
) {
  const secret = newClientSecret();
  const client = await db
    .insertInto('api_clients')
    .values({
      municipality_id: input.municipalityId,
      client_id: `client-${randomUUID().slice(0, 8)}`,
      name: 'بانک آزمایشی',
      kind: input.kind ?? 'bank',
      scopes: ['inquiries'],
      secret_hash: hashClientSecret(secret),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { client, clientId: client.client_id, secret };
}
