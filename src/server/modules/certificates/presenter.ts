import type { CertificateOutcome } from '../../../shared/certificates/index.js';
import type { CertificateContent, OwnerSnapshot } from './content.js';
import { plateText } from './content.js';

export type VerificationResult = 'valid' | 'expired' | 'revoked' | 'unknown' | 'forged';

interface StoredCertificate {
  number: string;
  kind: CertificateContent['kind'];
  outcome: CertificateOutcome;
  status: 'valid' | 'revoked';
  issued_at: Date;
  valid_until: Date;
  revoked_at: Date | null;
  revocation_reason: string | null;
  content: unknown;
  content_hash: string;
  case_id: string | null;
  purpose: string | null;
  token: string;
}

export function resultOf(
  row: { status: string; valid_until: Date },
  now: Date,
): 'valid' | 'expired' | 'revoked' {
  if (row.status === 'revoked') return 'revoked';
  return now.getTime() >= row.valid_until.getTime() ? 'expired' : 'valid';
}

/** «Ali Rezaei» → «A*** R***»: enough to match the paper in hand, not enough to read a stranger's name. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${[...word][0]}***`)
    .join(' ');
}

/** The key facts anyone may see when verifying: what the paper itself shows, owners' names masked. */
export function presentPublicFacts(row: StoredCertificate) {
  const content = row.content as CertificateContent;
  return {
    number: row.number,
    kind: row.kind,
    municipality: { code: content.municipality.code, name: content.municipality.name },
    district: content.parcel.district.number,
    plate: plateText(content.parcel.plate),
    outcome: row.outcome,
    purpose: row.purpose,
    owners: content.owners.map((owner: OwnerSnapshot) => maskName(owner.name)),
    issuedAt: row.issued_at.toISOString(),
    validUntil: row.valid_until.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    keyId: content.kid,
    contentHash: row.content_hash,
  };
}

/** The whole certificate, for those who may read it (owners, district staff, the requester). */
export function presentCertificate(row: StoredCertificate, now: Date) {
  const content = row.content as CertificateContent;
  return {
    ...presentPublicFacts(row),
    status: resultOf(row, now),
    caseId: row.case_id,
    parcel: content.parcel,
    owners: content.owners,
    findings: content.findings,
    reasons: content.reasons,
    requester: content.requester,
    revocationReason: row.revocation_reason,
    token: row.token,
  };
}
