import { toLatinDigits } from '../format.js';
import { api, setCsrfToken } from './client.js';
import type { Me } from './session.js';

export interface OtpChallenge {
  challengeId: string;
  expiresAt: string;
  resendAfterSeconds: number;
}

export function requestCitizenOtp(input: { nationalId: string; mobile: string }): Promise<OtpChallenge> {
  return api.post<OtpChallenge>('/api/v1/auth/citizen/otp', {
    nationalId: toLatinDigits(input.nationalId).trim(),
    mobile: toLatinDigits(input.mobile).trim(),
  });
}

async function signedIn(me: Promise<Me>): Promise<Me> {
  const principal = await me;
  setCsrfToken(principal.csrfToken);
  return principal;
}

export function verifyCitizenOtp(input: { challengeId: string; code: string }): Promise<Me> {
  return signedIn(
    api.post<Me>('/api/v1/auth/citizen/verify', { ...input, code: toLatinDigits(input.code).trim() }),
  );
}

export function signInWithPassword(input: { username: string; password: string }): Promise<Me> {
  return signedIn(
    api.post<Me>('/api/v1/auth/staff/login', { username: input.username.trim(), password: input.password }),
  );
}

export async function signOut(): Promise<void> {
  await api.post<void>('/api/v1/auth/logout');
  setCsrfToken(undefined);
}

export async function signOutEverywhere(): Promise<{ revokedSessions: number }> {
  const result = await api.post<{ revokedSessions: number }>('/api/v1/auth/logout-all');
  setCsrfToken(undefined);
  return result;
}
