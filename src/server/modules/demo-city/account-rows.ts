import type { Insertable } from 'kysely';
import type { ApiClientsTable, OfficesTable, UsersTable } from '../../db/schema.js';
import { sha256Hex } from '../accounts/tokens.js';
import { DEMO_CITIZENS, DEMO_OFFICES, DEMO_STAFF, demoApiClients } from './demo-accounts.js';
import type { DemoCity } from './generate.js';
import { Rng } from './prng.js';

export interface DemoAccountRows {
  offices: Insertable<OfficesTable>[];
  /** Offices first: operators point at them. */
  users: Insertable<UsersTable>[];
  apiClients: Insertable<ApiClientsTable>[];
}

/** The rows of the demo accounts of a city; every password-holding account gets the one given hash. */
export function demoAccountRows(city: DemoCity, passwordHash: string): DemoAccountRows {
  const ids = new Rng('account-ids', city.seed, city.municipality.code);
  const municipalityId = city.municipality.id;
  const districtId = (district: number | null) =>
    district === null ? null : city.districts[district - 1].id;

  const offices = DEMO_OFFICES.map((office) => ({
    id: ids.uuid(),
    municipality_id: municipalityId,
    kind: office.kind,
    name: office.name,
    license_no: office.licenseNo,
    district_id: districtId(office.district),
  }));
  const citizens: Insertable<UsersTable>[] = DEMO_CITIZENS.map((citizen) => ({
    id: ids.uuid(),
    municipality_id: municipalityId,
    kind: 'citizen',
    username: null,
    password_hash: null,
    national_id: citizen.nationalId,
    mobile: citizen.mobile,
    full_name: citizen.fullName,
    district_id: null,
    office_id: null,
  }));
  const staff: Insertable<UsersTable>[] = DEMO_STAFF.map((member) => ({
    id: ids.uuid(),
    municipality_id: municipalityId,
    kind: 'staff',
    username: member.username,
    password_hash: passwordHash,
    full_name: member.fullName,
    roles: [...member.roles],
    district_id: districtId(member.district),
    office_id: null,
  }));
  const operators: Insertable<UsersTable>[] = DEMO_OFFICES.map((office, i) => ({
    id: ids.uuid(),
    municipality_id: municipalityId,
    kind: 'office_operator',
    username: office.operator.username,
    password_hash: passwordHash,
    full_name: office.operator.fullName,
    district_id: null,
    office_id: offices[i].id,
  }));
  const apiClients = demoApiClients(city.municipality.code).map((client) => ({
    id: ids.uuid(),
    municipality_id: municipalityId,
    client_id: client.clientId,
    name: client.name,
    kind: client.kind,
    scopes: client.scopes,
    secret_hash: `sha256:${sha256Hex(client.secret)}`,
  }));
  return { offices, users: [...citizens, ...staff, ...operators], apiClients };
}
