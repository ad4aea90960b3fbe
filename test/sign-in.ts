import { expect } from 'vitest';
import { TestClient } from './client.js';
import type { TestApp } from './harness.js';

/** The newest code the SMS simulator received for a mobile number. */
export async function lastOtpFor(testApp: TestApp, mobile: string): Promise<string> {
  const response = await testApp.app.inject({ method: 'GET', url: `/dev/sms/messages?to=${mobile}` });
  const [latest] = response.json().messages as { message: string }[];
  const code = latest?.message.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`No sign-in code was sent to ${mobile}`);
  return code;
}

/** Signs a citizen in the way a browser does: request a code, read it from the SMS simulator, verify it. */
export async function signInCitizen(
  testApp: TestApp,
  input: { municipality: string; nationalId: string; mobile: string },
): Promise<TestClient> {
  const client = new TestClient(testApp.app);
  const requested = await client.post('/api/v1/auth/citizen/otp', input);
  expect(requested.status, JSON.stringify(requested.body)).toBe(202);
  const code = await lastOtpFor(testApp, input.mobile);
  const verified = await client.post('/api/v1/auth/citizen/verify', {
    challengeId: requested.body.challengeId,
    code,
  });
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  return client;
}

export async function signInStaff(
  testApp: TestApp,
  input: { municipality: string; username: string; password: string },
): Promise<TestClient> {
  const client = new TestClient(testApp.app);
  const response = await client.post('/api/v1/auth/staff/login', input);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return client;
}

/** An institution's system: gets a token with client credentials, then calls with it. */
export async function apiClientSession(
  testApp: TestApp,
  input: { clientId: string; secret: string },
): Promise<TestClient> {
  const client = new TestClient(testApp.app);
  const response = await client.post('/oauth/token', {
    grant_type: 'client_credentials',
    client_id: input.clientId,
    client_secret: input.secret,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  client.bearer = response.body.access_token;
  return client;
}
