import { createHash } from 'node:crypto';
import {
  CERTIFICATE_KINDS,
  CERTIFICATE_OUTCOMES,
  type CertificateClaims,
  type CertificateKind,
  type CertificateOutcome,
} from '../../../shared/certificates/index.js';

/** Text a certificate prints in each language; Vietnamese falls back to English. */
export interface LocalizedText {
  fa: string;
  en: string;
  vi?: string;
}

/** One check the issuing service made, e.g. «unpaid dues: none». */
export interface CertificateFinding {
  code: string;
  label: LocalizedText;
  result: LocalizedText;
  status: 'clear' | 'attention' | 'blocking';
}

export interface CertificateRequester {
  kind: 'citizen' | 'office' | 'api_client' | 'staff';
  name: string;
  userId?: string | null;
  officeId?: string | null;
  apiClientId?: string | null;
}

export interface ParcelSnapshot {
  renewalCode: string;
  plate: { section: number; main: number; sub: number[]; unit: number | null };
  address: string | null;
  postalCode: string | null;
  landAreaM2: number;
  landUse: string;
  district: { number: number; name: LocalizedText };
}

export interface OwnerSnapshot {
  kind: 'person' | 'legal';
  name: string;
  nationalId: string;
  share: { numerator: number; denominator: number };
}

/** Everything the certificate states, as signed: the QR's `h` is the start of this content's SHA-256. */
export interface CertificateContent {
  v: 1;
  number: string;
  kind: CertificateKind;
  municipality: { code: string; name: LocalizedText };
  parcel: ParcelSnapshot;
  owners: OwnerSnapshot[];
  purpose: string | null;
  findings: CertificateFinding[];
  outcome: CertificateOutcome;
  reasons: LocalizedText[];
  requester: { kind: CertificateRequester['kind']; name: string } | null;
  caseId: string | null;
  issuedAt: string;
  validUntil: string;
  kid: string;
}

/** JSON with object keys sorted at every level: one byte sequence per content, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(content: CertificateContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The registration plate as one short string: section-main/sub…, e.g. 3-1234/56. */
export function plateText(plate: ParcelSnapshot['plate']): string {
  return `${plate.section}-${[plate.main, ...plate.sub].join('/')}`;
}

export function claimsOf(content: CertificateContent, hashHex: string): CertificateClaims {
  return {
    v: 1,
    n: content.number,
    k: CERTIFICATE_KINDS[content.kind],
    m: content.municipality.code,
    p: plateText(content.parcel.plate),
    o: CERTIFICATE_OUTCOMES[content.outcome],
    iat: Math.floor(Date.parse(content.issuedAt) / 1000),
    exp: Math.floor(Date.parse(content.validUntil) / 1000),
    h: Buffer.from(hashHex.slice(0, 32), 'hex').toString('base64url'),
  };
}
