import type { TestClient } from './client.js';
import { buildCity, buildStaff } from './factories.js';
import type { TestApp } from './harness.js';
import { signInStaff } from './sign-in.js';

/** A fresh municipality with two districts and a signed-in admin. */
export async function adminCity(t: TestApp) {
  const city = await buildCity(t.database.db);
  const code = city.municipality.code;
  const admin = await buildStaff(t.database.db, { municipalityId: city.municipality.id, roles: ['admin'] });
  const client: TestClient = await signInStaff(t, {
    municipality: code,
    username: admin.username,
    password: admin.password,
  });
  return { ...city, code, admin, client };
}

/** The audit rows of a municipality with this action, oldest first. */
export function auditRows(t: TestApp, municipalityId: string, action: string) {
  return t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

/** Tries a staff sign-in and returns the HTTP status. */
export async function signInStatus(
  t: TestApp,
  input: { municipality: string; username: string; password: string },
) {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/staff/login', payload: input });
  return response.statusCode;
}
