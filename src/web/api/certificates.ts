import { useQuery } from '@tanstack/react-query';
import {
  type CertificateJwks,
  normalizeCertificateNumber,
  type OfflineVerification,
  verifyCertificateOffline,
} from '../../shared/certificates/index.js';
import { toLatinDigits } from '../../shared/digits.js';
import { api } from './client.js';

export type VerificationResult = 'valid' | 'expired' | 'revoked' | 'unknown' | 'forged';

export interface CertificateFacts {
  number: string;
  kind: 'inquiry_response' | 'clearance' | 'building_permit' | 'completion';
  municipality: { code: string; name: { fa: string; en: string; vi?: string } };
  district: number;
  plate: string;
  outcome: 'no_objection' | 'conditional' | 'refused';
  purpose: string | null;
  owners: string[];
  issuedAt: string;
  validUntil: string;
  revokedAt: string | null;
  keyId: string;
  contentHash: string;
}

export interface RegisterAnswer {
  result: VerificationResult;
  certificate: CertificateFacts | null;
  signature?: { valid: boolean; reason: string | null; keyId: string | null };
}

export type VerifyLookup = { by: 'number'; number: string } | { by: 'payload'; payload: string };

/** The register's answer: by typed number, or for a scanned payload. */
export function useRegisterAnswer(lookup: VerifyLookup | null) {
  return useQuery({
    queryKey: ['certificate-verification', lookup],
    queryFn: () => {
      if (lookup!.by === 'payload')
        return api.post<RegisterAnswer>('/api/v1/certificates/verify-payload', { payload: lookup!.payload });
      const number = normalizeCertificateNumber(lookup!.number) ?? toLatinDigits(lookup!.number).trim();
      return api.get<RegisterAnswer>(`/api/v1/certificates/${encodeURIComponent(number)}/verify`);
    },
    enabled: lookup !== null,
    retry: false,
  });
}

/**
 * The browser's own check of a scanned payload against the published keys: the same pure function an offline
 * verifier runs, so the answer does not rest on trusting the server's word alone.
 */
export function useBrowserCheck(payload: string | null) {
  return useQuery({
    queryKey: ['certificate-browser-check', payload],
    queryFn: async (): Promise<OfflineVerification> => {
      const jwks = await api.get<CertificateJwks>('/.well-known/jwks.json');
      return verifyCertificateOffline(payload!, jwks);
    },
    enabled: payload !== null,
    retry: false,
    staleTime: 60_000,
  });
}
